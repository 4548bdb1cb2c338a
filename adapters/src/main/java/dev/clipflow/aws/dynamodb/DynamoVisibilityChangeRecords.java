package dev.clipflow.aws.dynamodb;

import static dev.clipflow.aws.dynamodb.common.Items.call;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.AttemptLog;
import dev.clipflow.catalog.StepLog;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.visibility.PendingVisibilityChange;
import dev.clipflow.catalog.visibility.VisibilityChangeCancelledException;
import dev.clipflow.catalog.visibility.VisibilityChangeRecords;
import dev.clipflow.catalog.visibility.VisibilityStep;
import dev.clipflow.pipeline.Rendition;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link VisibilityChangeRecords} on the videos table, on the video's own item ({@link VisibilityChangeItems}): every
 * write is one {@code UpdateItem} conditional on the pending change's {@code requestedAt}, so a step of a change that
 * is over writes nothing; the switch also on the video's having another visibility, so a repeat writes nothing. The
 * change's workflow attempt ({@link AttemptLog}) is the pending change's {@code attempt} (absent: 1), moved on with
 * its {@code startedAt} while the change is pending on a PUBLISHED video.
 */
public final class DynamoVisibilityChangeRecords implements VisibilityChangeRecords,
        AttemptLog<PendingVisibilityChange> {
    private static final Map<String, String> NAMES = Map.of("#vc", VisibilityChangeItems.ATTRIBUTE,
            "#at", VisibilityChangeItems.REQUESTED_AT);
    private static final AttemptWrites ATTEMPTS = new AttemptWrites("#vc.#attempt",
            "#status = :published AND #vc.#at = :requested", "#vc.#started = :now",
            Map.of("#vc", VisibilityChangeItems.ATTRIBUTE, "#at", VisibilityChangeItems.REQUESTED_AT,
                    "#attempt", VisibilityChangeItems.ATTEMPT, "#started", VisibilityChangeItems.STARTED_AT,
                    "#status", VideoItems.STATUS));

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoVisibilityChangeRecords(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public StepLog<VisibilityStep> steps(Instant requestedAt) {
        return new StepLog<>() {
            @Override
            public Set<VisibilityStep> done(String videoId) {
                var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(key(videoId))
                        .consistentRead(true)));
                if (!response.hasItem() || response.item().isEmpty()) {
                    throw new VideoNotFoundException(videoId);
                }
                return VisibilityChangeItems.done(response.item(), requestedAt);
            }

            @Override
            public void recordDone(String videoId, VisibilityStep step) {
                Map<String, String> names = new HashMap<>(NAMES);
                names.put("#steps", VisibilityChangeItems.STEPS);
                names.put("#step", step.name());
                update(videoId, "SET #vc.#steps.#step = :now", names, Map.of(":now", Items.time(clock.instant())),
                        requestedAt);
            }
        };
    }

    @Override
    public Optional<Video> switchVisibility(String videoId, Instant requestedAt, Visibility to,
                                            List<Rendition> renditions, Video.PublishedAssets assets) {
        Map<String, String> names = new HashMap<>(NAMES);
        names.put("#vis", VideoItems.VISIBILITY);
        names.put("#renditions", VideoItems.RENDITIONS);
        names.put("#status", VideoItems.STATUS);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", Items.s(to.name()));
        values.put(":renditions", VideoItems.renditions(renditions));
        values.put(":published", Items.s(VideoStatus.PUBLISHED.name()));
        values.put(":requested", Items.time(requestedAt));
        if (assets != null) {
            names.put("#assets", VideoItems.ASSETS);
            values.put(":assets", VideoItems.assets(assets));
        }
        String set = "SET #vis = :to, #renditions = :renditions" + (assets != null ? ", #assets = :assets" : "");
        try {
            return Optional.of(VideoItems.fromItem(call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(key(videoId))
                    .updateExpression(set)
                    .conditionExpression("#status = :published AND #vc.#at = :requested"
                            + " AND (attribute_not_exists(#vis) OR #vis <> :to)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))).attributes()));
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new VideoNotFoundException(videoId);
            }
            Video current = VideoItems.fromItem(e.item());
            if (current.status() != VideoStatus.PUBLISHED) {
                throw new VisibilityChangeCancelledException(videoId, current.status());
            }
            return Optional.empty();
        }
    }

    @Override
    public void finish(String videoId, Instant requestedAt) {
        update(videoId, "REMOVE #vc", NAMES, Map.of(), requestedAt);
    }

    /** {@code expression}, only while the pending change is the one requested at {@code requestedAt}. */
    private void update(String videoId, String expression, Map<String, String> names,
                        Map<String, AttributeValue> values, Instant requestedAt) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":requested", Items.time(requestedAt));
        try {
            call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table).key(key(videoId))
                    .updateExpression(expression)
                    .conditionExpression("#vc.#at = :requested")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(all)));
        } catch (ConditionalCheckFailedException e) {
            // Another change, or none: this one is over, and what it would record does not matter any more.
        }
    }

    @Override
    public OptionalInt current(PendingVisibilityChange run) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(key(run.videoId()))
                .consistentRead(true)));
        Map<String, AttributeValue> item = response.item();
        Map<String, AttributeValue> change = Items.map(item, VisibilityChangeItems.ATTRIBUTE);
        return AttemptWrites.current(change != null
                && VideoStatus.PUBLISHED.name().equals(Items.str(item, VideoItems.STATUS))
                && Items.formatTime(run.change().requestedAt()).equals(Items.str(change,
                VisibilityChangeItems.REQUESTED_AT)), change, VisibilityChangeItems.ATTEMPT);
    }

    @Override
    public boolean touch(PendingVisibilityChange run, int attempt) {
        return onAttempt(run, attempt, attempt);
    }

    @Override
    public boolean advance(PendingVisibilityChange run, int from) {
        return onAttempt(run, from, from + 1);
    }

    private boolean onAttempt(PendingVisibilityChange run, int from, int to) {
        return ATTEMPTS.move(dynamo, table, run.videoId(), from, to, Items.time(clock.instant()),
                Map.of(":published", Items.s(VideoStatus.PUBLISHED.name()),
                        ":requested", Items.time(run.change().requestedAt())));
    }

    private static Map<String, AttributeValue> key(String videoId) {
        return Map.of(VideoItems.VIDEO_ID, Items.s(videoId));
    }
}
