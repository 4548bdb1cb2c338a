package dev.clipflow.aws.dynamodb;

import static dev.clipflow.aws.dynamodb.common.Items.call;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.catalog.deletion.DeletionAttempts;
import dev.clipflow.catalog.deletion.DeletionRecords;
import dev.clipflow.catalog.deletion.DeletionStep;
import dev.clipflow.catalog.deletion.VideoNotDeletingException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link DeletionRecords} and {@link DeletionAttempts} on the videos table, on the video's own item: {@code status}
 * DELETING / DELETED, the steps done in the string set {@code deletionSteps}, the workflow's attempt
 * {@code deletionAttempt} (absent: 1), and the tombstone's {@code expiresAt} (the table's TTL attribute). Each write
 * is one conditional {@code UpdateItem}. The sweeper's index mark ({@code sweepQueue}) is DELETING while the video is,
 * keyed by {@code updatedAt} (the request, then each restart), so the sweeper finds a deletion whose workflow ended
 * unfinished; the tombstone removes it.
 */
public final class DynamoDeletionRecords implements DeletionRecords, DeletionAttempts {
    static final String DELETION_STEPS = "deletionSteps";
    static final String DELETION_ATTEMPT = "deletionAttempt";
    static final String EXPIRES_AT = "expiresAt";
    private static final AttemptWrites ATTEMPTS = new AttemptWrites("#attempt", "#status = :deleting",
            "updatedAt = :now", Map.of("#status", VideoItems.STATUS, "#attempt", DELETION_ATTEMPT));

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDeletionRecords(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Video markDeleting(String videoId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":deleting", Items.s(VideoStatus.DELETING.name()));
        values.put(":deleted", Items.s(VideoStatus.DELETED.name()));
        values.put(":now", Items.time(clock.instant()));
        try {
            return VideoItems.fromItem(call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(key(videoId))
                    .updateExpression("SET #status = :deleting, updatedAt = :now, #sweep = :deleting")
                    .conditionExpression("attribute_exists(videoId) AND NOT #status IN (:deleting, :deleted)")
                    .expressionAttributeNames(Map.of("#status", VideoItems.STATUS, "#sweep", VideoItems.SWEEP_QUEUE))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))).attributes());
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new VideoNotFoundException(videoId);
            }
            return VideoItems.fromItem(e.item());
        }
    }

    @Override
    public Set<DeletionStep> done(String videoId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(key(videoId))
                .consistentRead(true)));
        Set<DeletionStep> out = EnumSet.noneOf(DeletionStep.class);
        if (response.hasItem() && response.item().containsKey(DELETION_STEPS)) {
            response.item().get(DELETION_STEPS).ss().forEach(s -> out.add(DeletionStep.valueOf(s)));
        }
        return out;
    }

    @Override
    public void recordDone(String videoId, DeletionStep step) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":step", AttributeValue.fromSs(java.util.List.of(step.name())));
        values.put(":deleting", Items.s(VideoStatus.DELETING.name()));
        values.put(":deleted", Items.s(VideoStatus.DELETED.name()));
        try {
            call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table).key(key(videoId))
                    .updateExpression("ADD #steps :step")
                    .conditionExpression("#status IN (:deleting, :deleted)")
                    .expressionAttributeNames(Map.of("#steps", DELETION_STEPS, "#status", VideoItems.STATUS))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new VideoNotFoundException(videoId);
            }
            throw new VideoNotDeletingException(videoId, VideoItems.fromItem(e.item()).status());
        }
    }

    @Override
    public Video tombstone(String videoId, Instant expiresAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":deleting", Items.s(VideoStatus.DELETING.name()));
        values.put(":deleted", Items.s(VideoStatus.DELETED.name()));
        values.put(":now", Items.time(clock.instant()));
        values.put(":expires", Items.n(expiresAt.getEpochSecond()));
        try {
            return VideoItems.fromItem(call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(key(videoId))
                    .updateExpression("SET #status = :deleted, updatedAt = :now, #expires = :expires "
                            + "REMOVE title, description, tags, #renditions, #assets, #sweep")
                    .conditionExpression("#status = :deleting")
                    .expressionAttributeNames(Map.of("#status", VideoItems.STATUS, "#expires", EXPIRES_AT,
                            "#renditions", VideoItems.RENDITIONS, "#assets", VideoItems.ASSETS,
                            "#sweep", VideoItems.SWEEP_QUEUE))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))).attributes());
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new VideoNotFoundException(videoId);
            }
            Video current = VideoItems.fromItem(e.item());
            if (current.status() == VideoStatus.DELETED) {
                return current;
            }
            throw new VideoTransitionException(videoId, current.status(), VideoStatus.DELETED);
        }
    }

    @Override
    public OptionalInt current(String videoId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(key(videoId))
                .consistentRead(true)));
        return AttemptWrites.current(response.hasItem()
                && VideoStatus.DELETING.name().equals(Items.str(response.item(), VideoItems.STATUS)),
                response.item(), DELETION_ATTEMPT);
    }

    @Override
    public boolean touch(String videoId, int attempt) {
        return onAttempt(videoId, attempt, attempt);
    }

    @Override
    public boolean advance(String videoId, int from) {
        return onAttempt(videoId, from, from + 1);
    }

    /** attempt {@code from} -> {@code to} and updatedAt = now, on a DELETING video on attempt {@code from}. */
    private boolean onAttempt(String videoId, int from, int to) {
        return ATTEMPTS.move(dynamo, table, videoId, from, to, Items.time(clock.instant()),
                Map.of(":deleting", Items.s(VideoStatus.DELETING.name())));
    }

    @Override
    public OptionalInt advanceStalled(String videoId, Instant changedBefore) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":deleting", Items.s(VideoStatus.DELETING.name()));
        values.put(":one", Items.n(1L));
        values.put(":before", Items.time(changedBefore));
        values.put(":now", Items.time(clock.instant()));
        try {
            var response = call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table).key(key(videoId))
                    .updateExpression("SET #attempt = if_not_exists(#attempt, :one) + :one, updatedAt = :now")
                    .conditionExpression("#status = :deleting AND updatedAt < :before")
                    .expressionAttributeNames(Map.of("#status", VideoItems.STATUS, "#attempt", DELETION_ATTEMPT))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.UPDATED_NEW)));
            return OptionalInt.of(Items.integer(response.attributes(), DELETION_ATTEMPT));
        } catch (ConditionalCheckFailedException e) {
            return OptionalInt.empty();
        }
    }

    private static Map<String, AttributeValue> key(String videoId) {
        return Map.of(VideoItems.VIDEO_ID, Items.s(videoId));
    }
}
