package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.pipeline.TransientStageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link VideoRepository} on DynamoDB (item shape and conditions: docs/adr/0003-catalog-data-model.md).
 * Every status change is one conditional {@code UpdateItem} on the current status, so concurrent or
 * repeated writers cannot move a video backwards; when the condition fails, the item as it was is
 * returned with the failure and tells a repeat (already in the target status) from a real conflict.
 */
public final class DynamoVideoRepository implements VideoRepository {
    /** Query rounds spent looking for matching videos when listing with a status filter. */
    private static final int MAX_FILTERED_ROUNDS = 8;
    private static final String EXISTS = "attribute_exists(videoId)";
    /** BatchGetItem's limit of keys per request. */
    private static final int BATCH_GET_MAX = 100;
    private static final int MAX_BATCH_GET_ROUNDS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoVideoRepository(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DynamoVideoRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    @Override
    public void create(Video video) {
        try {
            call("PutItem", () -> dynamo.putItem(r -> r.tableName(table)
                    .item(VideoItems.toItem(video, clock.instant()))
                    .conditionExpression("attribute_not_exists(videoId)")));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Video " + video.videoId() + " already exists", e);
        }
    }

    @Override
    public Optional<Video> find(String videoId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table)
                .key(key(videoId)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(VideoItems.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Video transition(String videoId, VideoStatus from, VideoStatus to) {
        if (!from.canMoveTo(to)) {
            throw new VideoTransitionException(videoId, from, to);
        }
        return conditionalStatusUpdate(videoId, to, EnumSet.of(from), "", Map.of());
    }

    @Override
    public Optional<Video> recordProgress(String videoId, Video.Progress progress) {
        UpdateItemRequest request = base(videoId, "SET #stage = :stage, #progress = :p, updatedAt = :now",
                EXISTS + " AND #status = :processing AND (attribute_not_exists(#progress) OR #progress <= :p)",
                Map.of(":stage", Items.s(progress.stage()), ":p", Items.n(progress.percent()),
                        ":processing", Items.s(VideoStatus.PROCESSING.name())))
                .expressionAttributeNames(Map.of("#stage", VideoItems.STAGE, "#progress", VideoItems.PROGRESS,
                        "#status", VideoItems.STATUS))
                .returnValues(ReturnValue.ALL_NEW)
                .build();
        try {
            return Optional.of(VideoItems.fromItem(call("UpdateItem", () -> dynamo.updateItem(request)).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ChunksDone> recordChunkDone(String videoId, int chunkIndex) {
        AttributeValue index = Items.s(Integer.toString(chunkIndex));
        UpdateItemRequest request = base(videoId, "ADD #chunks :chunk SET updatedAt = :now",
                EXISTS + " AND #status = :processing AND NOT contains(#chunks, :index)",
                Map.of(":chunk", AttributeValue.fromSs(List.of(index.s())), ":index", index,
                        ":processing", Items.s(VideoStatus.PROCESSING.name())))
                .expressionAttributeNames(Map.of("#chunks", VideoItems.CHUNKS_DONE, "#status", VideoItems.STATUS))
                .returnValues(ReturnValue.ALL_NEW)
                .build();
        try {
            Map<String, AttributeValue> item = call("UpdateItem", () -> dynamo.updateItem(request)).attributes();
            return Optional.of(new ChunksDone(VideoItems.fromItem(item), item.get(VideoItems.CHUNKS_DONE).ss().size()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void recordMedia(String videoId, MediaInfo media) {
        run(videoId, base(videoId, "SET #media = :m, updatedAt = :now", EXISTS, Map.of(":m", VideoItems.media(media)))
                .expressionAttributeNames(Map.of("#media", VideoItems.MEDIA)).build());
    }

    @Override
    public void recordUsage(String videoId, StageUsage usage) {
        Map<String, AttributeValue> values = Map.of(":u", VideoItems.usage(usage));
        UpdateItemRequest request = base(videoId, "SET #usage.#stage = :u, updatedAt = :now", EXISTS, values)
                .expressionAttributeNames(Map.of("#usage", VideoItems.USAGE, "#stage", usage.stage()))
                .build();
        run(videoId, request);
    }

    @Override
    public Video publish(String videoId, List<Rendition> renditions, Video.PublishedAssets assets) {
        Objects.requireNonNull(renditions, "renditions");
        Objects.requireNonNull(assets, "assets");
        return conditionalStatusUpdate(videoId, VideoStatus.PUBLISHED, EnumSet.of(VideoStatus.PROCESSING),
                ", renditions = :r, assets = :a",
                Map.of(":r", VideoItems.renditions(renditions), ":a", VideoItems.assets(assets)));
    }

    @Override
    public Video fail(String videoId, String reason) {
        return conditionalStatusUpdate(videoId, VideoStatus.FAILED,
                EnumSet.of(VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING),
                ", failureReason = :reason", Map.of(":reason", Items.s(reason)));
    }

    @Override
    public Video failUpload(String videoId, String reason) {
        return conditionalStatusUpdate(videoId, VideoStatus.FAILED, EnumSet.of(VideoStatus.AWAITING_UPLOAD),
                ", failureReason = :reason", Map.of(":reason", Items.s(reason)), List.of("uploadId"));
    }

    @Override
    public Optional<Video.BranchFailure> transcodeFailure(String videoId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(key(videoId))
                .consistentRead(true).projectionExpression(VideoItems.TRANSCODE_FAILURE)));
        return response.hasItem() ? VideoItems.failure(response.item(), VideoItems.TRANSCODE_FAILURE)
                : Optional.empty();
    }

    @Override
    public void clearUploadId(String videoId) {
        run(videoId, base(videoId, "SET updatedAt = :now REMOVE uploadId", EXISTS, Map.of()).build());
    }

    @Override
    public Page<Video> listByChannel(String channelId, String cursor, int limit) {
        return listByChannel(channelId, EnumSet.allOf(VideoStatus.class), cursor, limit);
    }

    @Override
    public Page<Video> listByChannel(String channelId, Set<VideoStatus> statuses, String cursor, int limit) {
        if (statuses.containsAll(EnumSet.allOf(VideoStatus.class))) {
            return list(channelId, null, Map.of(), cursor, limit);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> placeholders = new ArrayList<>();
        for (VideoStatus s : statuses) {
            placeholders.add(":s" + s.ordinal());
            values.put(":s" + s.ordinal(), Items.s(s.name()));
        }
        return list(channelId, "#status IN (" + String.join(", ", placeholders) + ")", values, cursor, limit);
    }

    /** Filters in the store: PUBLISHED and PUBLIC (a record without a visibility is PUBLIC). */
    @Override
    public Page<Video> listListedByChannel(String channelId, String cursor, int limit) {
        return list(channelId, "#status = :published AND (attribute_not_exists(#visibility) OR #visibility = :public)",
                Map.of(":published", Items.s(VideoStatus.PUBLISHED.name()),
                        ":public", Items.s(Visibility.PUBLIC.name())), cursor, limit);
    }

    /** Reads the ids' status and visibility with BatchGetItem (100 keys a request, unprocessed keys again). */
    @Override
    public Set<String> listedAmong(Collection<String> videoIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(videoIds));
        Set<String> listed = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET_MAX) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_MAX))
                    .stream().map(DynamoVideoRepository::key).toList();
            KeysAndAttributes request = KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("videoId, #status, #visibility")
                    .expressionAttributeNames(Map.of("#status", VideoItems.STATUS,
                            "#visibility", VideoItems.VISIBILITY)).build();
            for (int round = 0; request != null && request.hasKeys() && !request.keys().isEmpty(); round++) {
                if (round == MAX_BATCH_GET_ROUNDS) {
                    throw new TransientStageException("DynamoDB BatchGetItem left keys unprocessed after "
                            + round + " rounds");
                }
                KeysAndAttributes current = request;
                BatchGetItemResponse response = call("BatchGetItem",
                        () -> dynamo.batchGetItem(r -> r.requestItems(Map.of(table, current))));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    if (VideoStatus.PUBLISHED.name().equals(Items.str(item, VideoItems.STATUS))
                            && VideoItems.visibility(item).isListed()) {
                        listed.add(Items.str(item, VideoItems.VIDEO_ID));
                    }
                }
                request = response.unprocessedKeys().get(table);
            }
        }
        return listed;
    }

    private Page<Video> list(String channelId, String filter, Map<String, AttributeValue> filterValues,
                             String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Map<String, AttributeValue> start = new HashMap<>();
        if (cursor != null) {
            start.putAll(ChannelCursor.decode(channelId, cursor));
        }
        List<Video> videos = new ArrayList<>();
        int rounds = 0;
        do {
            QueryResponse page = call("Query", () -> dynamo.query(query(channelId, filter, filterValues,
                    limit - videos.size(), start.isEmpty() ? null : Map.copyOf(start))));
            page.items().forEach(item -> videos.add(VideoItems.fromItem(item)));
            start.clear();
            if (page.hasLastEvaluatedKey()) {
                start.putAll(page.lastEvaluatedKey());
            }
            rounds++;
        } while (filter != null && !start.isEmpty() && videos.size() < limit && rounds < MAX_FILTERED_ROUNDS);
        return new Page<>(videos, ChannelCursor.encode(start));
    }

    private QueryRequest query(String channelId, String filter, Map<String, AttributeValue> filterValues, int limit,
                               Map<String, AttributeValue> start) {
        Map<String, AttributeValue> values = new HashMap<>(filterValues);
        values.put(":c", Items.s(channelId));
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(CatalogTables.BY_CHANNEL_INDEX)
                .keyConditionExpression("channelId = :c").scanIndexForward(false).limit(limit)
                .exclusiveStartKey(start);
        if (filter != null) {
            Map<String, String> names = new HashMap<>();
            names.put("#status", VideoItems.STATUS);
            if (filter.contains("#visibility")) {
                names.put("#visibility", VideoItems.VISIBILITY);
            }
            q.filterExpression(filter).expressionAttributeNames(names);
        }
        return q.expressionAttributeValues(values).build();
    }

    /**
     * Sets the status to {@code to} if it is one of {@code from} now. When it is not: a video already
     * in {@code to} is returned unchanged (a repeat); any other status is a {@link VideoTransitionException}.
     */
    private Video conditionalStatusUpdate(String videoId, VideoStatus to, Set<VideoStatus> from, String moreSets,
                                          Map<String, AttributeValue> moreValues) {
        return conditionalStatusUpdate(videoId, to, from, moreSets, moreValues, List.of());
    }

    /** As above, also removing {@code removes} (an update expression has one REMOVE clause: it is built here). */
    private Video conditionalStatusUpdate(String videoId, VideoStatus to, Set<VideoStatus> from, String moreSets,
                                          Map<String, AttributeValue> moreValues, List<String> removes) {
        Map<String, AttributeValue> values = new HashMap<>(moreValues);
        values.put(":to", Items.s(to.name()));
        List<String> placeholders = new ArrayList<>();
        for (VideoStatus s : from) {
            placeholders.add(":from" + s.ordinal());
            values.put(":from" + s.ordinal(), Items.s(s.name()));
        }
        // The sweeper's sparse index follows the status: listed while it is not terminal (docs/adr/0010).
        List<String> removed = new ArrayList<>(removes);
        String sets = "SET #status = :to, updatedAt = :now" + moreSets;
        if (to.isTerminal()) {
            removed.add("#sweep");
        } else {
            sets += ", #sweep = :to";
        }
        String expression = removed.isEmpty() ? sets : sets + " REMOVE " + String.join(", ", removed);
        UpdateItemRequest request = base(videoId, expression,
                EXISTS + " AND #status IN (" + String.join(", ", placeholders) + ")", values)
                .expressionAttributeNames(Map.of("#status", VideoItems.STATUS, "#sweep", VideoItems.SWEEP_QUEUE))
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            return VideoItems.fromItem(call("UpdateItem", () -> dynamo.updateItem(request)).attributes());
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new VideoNotFoundException(videoId);
            }
            Video current = VideoItems.fromItem(e.item());
            if (current.status() == to) {
                return current;
            }
            throw new VideoTransitionException(videoId, current.status(), to);
        }
    }

    private void run(String videoId, UpdateItemRequest request) {
        try {
            call("UpdateItem", () -> dynamo.updateItem(request));
        } catch (ConditionalCheckFailedException e) {
            throw new VideoNotFoundException(videoId);
        }
    }

    private UpdateItemRequest.Builder base(String videoId, String expression, String condition,
                                           Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":now", Items.time(clock.instant()));
        return UpdateItemRequest.builder().tableName(table).key(key(videoId))
                .updateExpression(expression).conditionExpression(condition).expressionAttributeValues(all);
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
