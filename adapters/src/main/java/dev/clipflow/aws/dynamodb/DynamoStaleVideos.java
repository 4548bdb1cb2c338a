package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.sweep.StaleVideo;
import dev.clipflow.catalog.sweep.StaleVideoStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link StaleVideoStore} on the videos table's sparse GSI {@code bySweepQueue} (pk {@code sweepQueue}, sk
 * {@code updatedAt}, keys only; docs/adr/0010): a {@code Query} per status with {@code updatedAt < :cutoff},
 * oldest first, paged by the SDK's paginator as the stream is read. Only videos the sweeper may act on are in the
 * index (AWAITING_UPLOAD, PROCESSING, SWEPT, and DELETING: docs/adr/0014), so a sweep never reads the published
 * catalog.
 */
public final class DynamoStaleVideos implements StaleVideoStore {
    /** Keys per Query page. */
    static final int PAGE_SIZE = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoStaleVideos(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DynamoStaleVideos(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    @Override
    public Stream<StaleVideo> stale(VideoStatus status, Instant changedBefore) {
        if (status.isTerminal()) {
            throw new IllegalArgumentException("Only AWAITING_UPLOAD and PROCESSING videos are swept, not " + status);
        }
        return listed(status.name(), status, changedBefore);
    }

    @Override
    public Stream<StaleVideo> stalledDeletions(Instant changedBefore) {
        return listed(VideoStatus.DELETING.name(), VideoStatus.DELETING, changedBefore);
    }

    @Override
    public Stream<StaleVideo> notReleased() {
        return listed(VideoItems.SWEPT, VideoStatus.FAILED, null);
    }

    @Override
    public Optional<Video> failStale(String videoId, VideoStatus status, Instant changedBefore, String reason) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":from", Items.s(status.name()));
        values.put(":failed", Items.s(VideoStatus.FAILED.name()));
        values.put(":swept", Items.s(VideoItems.SWEPT));
        values.put(":before", Items.time(changedBefore));
        values.put(":reason", Items.s(reason));
        values.put(":now", Items.time(clock.instant()));
        try {
            var response = call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table).key(key(videoId))
                    .updateExpression("SET #status = :failed, failureReason = :reason, updatedAt = :now, "
                            + "#sweep = :swept")
                    .conditionExpression("attribute_exists(videoId) AND #status = :from AND updatedAt < :before")
                    .expressionAttributeNames(Map.of("#status", VideoItems.STATUS, "#sweep", VideoItems.SWEEP_QUEUE))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)));
            return Optional.of(VideoItems.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void released(String videoId) {
        try {
            call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table).key(key(videoId))
                    .updateExpression("REMOVE #sweep")
                    .conditionExpression("#sweep = :swept")
                    .expressionAttributeNames(Map.of("#sweep", VideoItems.SWEEP_QUEUE))
                    .expressionAttributeValues(Map.of(":swept", Items.s(VideoItems.SWEPT)))));
        } catch (ConditionalCheckFailedException e) {
            // released already (a repeat), or the video is gone: nothing left to record
        }
    }

    private Stream<StaleVideo> listed(String queue, VideoStatus status, Instant changedBefore) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":q", Items.s(queue));
        String condition = "#sweep = :q";
        if (changedBefore != null) {
            values.put(":before", Items.time(changedBefore));
            condition += " AND updatedAt < :before";
        }
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(CatalogTables.BY_SWEEP_QUEUE_INDEX)
                .keyConditionExpression(condition).expressionAttributeNames(Map.of("#sweep", VideoItems.SWEEP_QUEUE))
                .expressionAttributeValues(values).scanIndexForward(true).limit(PAGE_SIZE).build();
        return call("Query", () -> dynamo.queryPaginator(query).items().stream()
                .map(item -> new StaleVideo(Items.str(item, VideoItems.VIDEO_ID), status,
                        Items.instant(item, VideoItems.UPDATED_AT))));
    }

    private static Map<String, AttributeValue> key(String videoId) {
        return Map.of(CatalogTables.VIDEOS_KEY, Items.s(videoId));
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw Items.translate(operation, e);
        }
    }
}
