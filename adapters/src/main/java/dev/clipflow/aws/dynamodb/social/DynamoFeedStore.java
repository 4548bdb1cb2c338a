package dev.clipflow.aws.dynamodb.social;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.common.Items.s;
import static dev.clipflow.aws.dynamodb.social.SocialTables.FEED_ID;
import static dev.clipflow.aws.dynamodb.social.SocialTables.POSITION;
import static dev.clipflow.aws.dynamodb.social.SocialTables.VIDEO_ID;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.batch.BatchThrottledException;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.FeedPosition;
import dev.clipflow.social.FeedSlice;
import dev.clipflow.social.FeedStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link FeedStore} on DynamoDB ({@link SocialTables}): entries are {@code PutRequest}s keyed by
 * (feed, video), so a rewrite overwrites; pages come from the {@code byTime} LSI newest first.
 * Entries expire {@code ttl} after the video's publish time.
 */
public final class DynamoFeedStore implements FeedStore {
    public static final Duration DEFAULT_TTL = Duration.ofDays(60);
    private static final String CHANNEL_ID = "channelId";
    private static final String PUBLISHED_AT = "publishedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;

    public DynamoFeedStore(DynamoDbClient dynamo, String table, Duration ttl) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    public DynamoFeedStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DEFAULT_TTL);
    }

    @Override
    public List<FeedEntry> putBatch(List<FeedEntry> entries) {
        if (entries.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " entries per batch, not " + entries.size());
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, FeedEntry> byKey = new HashMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (FeedEntry e : entries) {
            String feedId = viewerFeed(e.viewerId());
            byKey.put(feedId + "\n" + e.item().videoId(), e);
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item(feedId, e.item())).build()).build());
        }
        BatchWriteItemResponse response;
        try {
            response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, writes)));
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw new BatchThrottledException("BatchWriteItem throttled", e);
            }
            throw Items.translate("BatchWriteItem", e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw Items.translate("BatchWriteItem", e);
        }
        if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
            return List.of();
        }
        List<FeedEntry> left = new ArrayList<>();
        for (WriteRequest w : response.unprocessedItems().getOrDefault(table, List.of())) {
            Map<String, AttributeValue> item = w.putRequest().item();
            left.add(byKey.get(Items.str(item, FEED_ID) + "\n" + Items.str(item, VIDEO_ID)));
        }
        return left;
    }

    @Override
    public void putTimeline(FeedItem item) {
        Map<String, AttributeValue> timelineItem = item(channelTimeline(item.channelId()), item);
        call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(timelineItem)));
    }

    @Override
    public FeedSlice viewerFeed(String viewerId, FeedPosition before, int limit) {
        return slice(viewerFeed(viewerId), before, limit);
    }

    @Override
    public FeedSlice channelTimeline(String channelId, FeedPosition before, int limit) {
        return slice(channelTimeline(channelId), before, limit);
    }

    /** The item of {@code item} in feed {@code feedId} (public: the benchmark baseline writes the very same items). */
    public Map<String, AttributeValue> item(String feedId, FeedItem item) {
        Map<String, AttributeValue> out = new HashMap<>();
        out.put(FEED_ID, s(feedId));
        out.put(VIDEO_ID, s(item.videoId()));
        out.put(CHANNEL_ID, s(item.channelId()));
        out.put(PUBLISHED_AT, Items.time(item.publishedAt()));
        out.put(POSITION, s(item.position().sortKey()));
        out.put(SocialTables.TTL_ATTRIBUTE, Items.n(item.publishedAt().plus(ttl).getEpochSecond()));
        return out;
    }

    public static String viewerFeed(String viewerId) {
        return "v#" + viewerId;
    }

    public static String channelTimeline(String channelId) {
        return "c#" + channelId;
    }

    private FeedSlice slice(String feedId, FeedPosition before, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#f", FEED_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":f", s(feedId)));
        String condition = "#f = :f";
        if (before != null) {
            names.put("#p", POSITION);
            values.put(":p", s(before.sortKey()));
            condition += " AND #p < :p";
        }
        String keyCondition = condition;
        var response = call("Query", () -> dynamo.query(r -> r.tableName(table).indexName(SocialTables.BY_TIME)
                .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit + 1)));
        List<FeedItem> items = response.items().stream().limit(limit)
                .map(i -> new FeedItem(Items.str(i, VIDEO_ID), Items.str(i, CHANNEL_ID),
                        Items.parseTime(Items.str(i, PUBLISHED_AT))))
                .toList();
        return new FeedSlice(items, response.items().size() > limit);
    }
}
