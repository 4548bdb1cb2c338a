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
import java.util.LinkedHashSet;
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
 * Entries expire {@code ttl} after the video's publish time. Every entry is written with its reverse reference
 * ({@link #reference}), so the feeds holding a video are found from its id (docs/adr/0014).
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
            Map<String, AttributeValue> entry = item(feedId, e.item());
            Map<String, AttributeValue> reference = reference(feedId, e.item());
            byKey.put(keyOf(entry), e);
            byKey.put(keyOf(reference), e);
            writes.add(put(reference));
            writes.add(put(entry));
        }
        // Each entry travels with its reverse reference (x#<videoId> / <feedId>): two write requests per entry, so
        // a full batch of entries takes two BatchWriteItem calls. An entry whose entry or reference is left
        // unprocessed is returned whole; writing both again is harmless (keyed puts).
        LinkedHashSet<FeedEntry> left = new LinkedHashSet<>();
        for (int from = 0; from < writes.size(); from += MAX_BATCH) {
            List<WriteRequest> chunk = writes.subList(from, Math.min(writes.size(), from + MAX_BATCH));
            for (WriteRequest w : batchWrite(chunk)) {
                left.add(byKey.get(keyOf(w.putRequest().item())));
            }
        }
        return List.copyOf(left);
    }

    private List<WriteRequest> batchWrite(List<WriteRequest> writes) {
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
        return response.unprocessedItems().getOrDefault(table, List.of());
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static String keyOf(Map<String, AttributeValue> item) {
        return Items.str(item, FEED_ID) + "\n" + Items.str(item, VIDEO_ID);
    }

    @Override
    public void putTimeline(FeedItem item) {
        String feedId = channelTimeline(item.channelId());
        Map<String, AttributeValue> timelineItem = item(feedId, item);
        Map<String, AttributeValue> reference = reference(feedId, item);
        // The reference first: a failure between the two leaves a reference without an entry (harmless for a
        // delete), never an entry nobody can find from the video id.
        call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(reference)));
        call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(timelineItem)));
    }

    @Override
    public int removeVideo(String videoId) {
        List<Map<String, AttributeValue>> references = Items.partition(dynamo, table, FEED_ID, references(videoId));
        // Entries first, then their references: a failure in between leaves references (found again next time),
        // never an entry nobody can find.
        Items.batchDelete(dynamo, table, references.stream()
                .map(r -> Items.key(FEED_ID, Items.str(r, VIDEO_ID), VIDEO_ID, videoId)).toList());
        Items.batchDelete(dynamo, table, references.stream()
                .map(r -> Items.key(FEED_ID, Items.str(r, FEED_ID), VIDEO_ID, Items.str(r, VIDEO_ID))).toList());
        return references.size();
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

    /**
     * The reverse reference of {@code item} in feed {@code feedId}: pk {@code x#<videoId>}, sk {@code <feedId>}, the
     * entry's {@code expiresAt}; no {@code position}, so it stays out of the {@code byTime} index.
     */
    public Map<String, AttributeValue> reference(String feedId, FeedItem item) {
        Map<String, AttributeValue> out = new HashMap<>();
        out.put(FEED_ID, s(references(item.videoId())));
        out.put(VIDEO_ID, s(feedId));
        out.put(SocialTables.TTL_ATTRIBUTE, Items.n(item.publishedAt().plus(ttl).getEpochSecond()));
        return out;
    }

    /** The partition of a video's reverse references: one item per feed or timeline holding it. */
    public static String references(String videoId) {
        return "x#" + videoId;
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
