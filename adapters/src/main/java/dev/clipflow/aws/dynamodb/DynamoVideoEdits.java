package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.edit.EditedVideo;
import dev.clipflow.catalog.edit.VideoChanges;
import dev.clipflow.catalog.edit.VideoEdits;
import dev.clipflow.catalog.edit.VideoVisibilityChangingException;
import dev.clipflow.catalog.edit.VideoVisibilityFixedException;
import dev.clipflow.catalog.upload.VideoMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link VideoEdits} on the videos table: one conditional {@code UpdateItem} that sets the edited fields and
 * {@value #EDITED_AT}, and {@code ADD}s one to {@value #REVISION} (absent = 0: never edited), only while the video
 * exists, the caller owns it and its status is not one of {@link #GONE}; a visibility set at once only while it is
 * {@code AWAITING_UPLOAD}; a visibility change of a published video ({@link VisibilityChangeItems}, the pending change
 * set in the same write) only while it is {@code PUBLISHED}, has the change's old visibility and no change pending. A
 * failed condition returns the old item, which tells a refused visibility change ({@link
 * VideoVisibilityFixedException}, {@link VideoVisibilityChangingException}) from a video the caller cannot edit.
 * {@code updatedAt} (the lifecycle clock the sweeper's index sorts on) is left alone.
 */
public final class DynamoVideoEdits implements VideoEdits {
    /** The record's edit counter (N). */
    public static final String REVISION = "revision";
    /** When the last edit was stored (the table's timestamp format). */
    public static final String EDITED_AT = "editedAt";
    /** Statuses of a video on its way out (issue 17's delete); named here so an edit never revives one. */
    static final List<String> GONE = List.of("DELETING", "DELETED");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoVideoEdits(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public EditedVideo edit(String videoId, String ownerId, VideoMetadata metadata, Visibility visibility,
                            Set<VideoChanges.Field> fields, Video.VisibilityChange change, Instant at) {
        Map<String, String> names = new HashMap<>(Map.of("#status", VideoItems.STATUS, "#owner", "ownerId",
                "#rev", REVISION, "#edited", EDITED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":owner", Items.s(ownerId), ":one", Items.n(1L),
                ":at", Items.time(at), ":gone0", Items.s(GONE.get(0)), ":gone1", Items.s(GONE.get(1))));
        List<String> sets = new ArrayList<>(List.of("#edited = :at"));
        for (VideoChanges.Field field : fields) {
            String name = "#" + field.attribute();
            String value = ":" + field.attribute();
            names.put(name, field.attribute());
            values.put(value, switch (field) {
                case TITLE -> Items.s(metadata.title());
                case DESCRIPTION -> Items.s(metadata.description());
                case TAGS -> Items.strings(metadata.tags());
                case VISIBILITY -> Items.s(Objects.requireNonNull(visibility, "visibility").name());
            });
            sets.add(name + " = " + value);
        }
        boolean changesVisibility = fields.contains(VideoChanges.Field.VISIBILITY);
        if (changesVisibility) {
            values.put(":awaiting", Items.s(VideoStatus.AWAITING_UPLOAD.name()));
        }
        StringBuilder condition = new StringBuilder("attribute_exists(videoId) AND #owner = :owner"
                + " AND NOT (#status IN (:gone0, :gone1))" + (changesVisibility ? " AND #status = :awaiting" : ""));
        if (change != null) {
            names.put("#vc", VisibilityChangeItems.ATTRIBUTE);
            names.put("#vis", VideoItems.VISIBILITY);
            values.put(":vc", VisibilityChangeItems.pending(change));
            values.put(":published", Items.s(VideoStatus.PUBLISHED.name()));
            values.put(":from", Items.s(change.from().name()));
            sets.add("#vc = :vc");
            condition.append(" AND #status = :published AND attribute_not_exists(#vc) AND (#vis = :from")
                    .append(change.from() == Visibility.DEFAULT ? " OR attribute_not_exists(#vis))" : ")");
        }
        try {
            Map<String, AttributeValue> item = Items.call("UpdateItem", () -> dynamo.updateItem(r -> r
                    .tableName(table)
                    .key(Map.of(CatalogTables.VIDEOS_KEY, Items.s(videoId)))
                    .updateExpression("SET " + String.join(", ", sets) + " ADD #rev :one")
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))).attributes();
            return new EditedVideo(VideoItems.fromItem(item), Items.lng(item, REVISION), at);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
            String status = Items.str(old, VideoItems.STATUS);
            if ((changesVisibility || change != null) && ownerId.equals(Items.str(old, "ownerId")) && status != null
                    && !GONE.contains(status)) {
                if (change != null && VideoStatus.PUBLISHED.name().equals(status)) {
                    Video.VisibilityChange pending = VisibilityChangeItems.pending(old);
                    throw new VideoVisibilityChangingException(videoId, pending == null ? null : pending.to());
                }
                throw new VideoVisibilityFixedException(videoId, VideoStatus.valueOf(status));
            }
            throw new VideoNotFoundException(videoId);
        }
    }
}
