package dev.clipflow.aws.dynamodb.discovery;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.common.Items.s;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.AT;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.PK;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.RANK;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.SK;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.discovery.CoViewStore;
import dev.clipflow.discovery.ScoredVideo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link CoViewStore} on the discovery table. A first watch is one transaction: the history entry
 * (conditional on its absence) and an {@code ADD rank 1} on both pair items per window video; a
 * repeat cancels on the condition and only refreshes the watch time. History and pairs expire
 * {@code ttl} after their last write. Each history entry has a reverse reference {@code hv#<videoId>} /
 * {@code <viewerId>} with the same expiry, written with it, so a deleted video leaves every history.
 */
public final class DynamoCoViewStore implements CoViewStore {
    public static final Duration DEFAULT_TTL = Duration.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;

    public DynamoCoViewStore(DynamoDbClient dynamo, String table, Duration ttl) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    public DynamoCoViewStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DEFAULT_TTL);
    }

    @Override
    public boolean recordWatch(String viewerId, String videoId, Instant at, List<String> window) {
        if (window.size() > MAX_WINDOW) {
            throw new IllegalArgumentException("window larger than " + MAX_WINDOW);
        }
        AttributeValue expires = Items.n(at.plus(ttl).getEpochSecond());
        Map<String, AttributeValue> entry = Items.key(PK, "h#" + viewerId, SK, videoId);
        entry.put(AT, Items.time(at));
        entry.put(DiscoveryTables.TTL_ATTRIBUTE, expires);
        Map<String, AttributeValue> reference = Items.key(PK, watchers(videoId), SK, viewerId);
        reference.put(DiscoveryTables.TTL_ATTRIBUTE, expires);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(entry)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(reference)).build());
        for (String other : window) {
            writes.add(pair(videoId, other, expires));
            writes.add(pair(other, videoId, expires));
        }
        try {
            call("TransactWriteItems(watch)", () -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException e) {
            if (!Items.conditionFailedAt(e, 0)) {
                throw Items.translate("TransactWriteItems(watch)", e);
            }
        }
        // A repeat refreshes the entry's expiry: the reference first, so it never expires before the entry.
        call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(reference)));
        call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(entry)));
        return false;
    }

    @Override
    public int removeCoViews(String videoId) {
        List<Map<String, AttributeValue>> own = Items.partition(dynamo, table, PK, "c#" + videoId);
        // The mirrors first, then the video's own partition: a failure in between leaves the own pairs, which find
        // the mirrors again.
        Items.batchDelete(dynamo, table, own.stream()
                .map(i -> Items.key(PK, "c#" + Items.str(i, SK), SK, videoId)).toList());
        Items.batchDelete(dynamo, table, own.stream().map(i -> Items.key(PK, Items.str(i, PK), SK, Items.str(i, SK)))
                .toList());
        return own.size();
    }

    @Override
    public int removeWatches(String videoId) {
        List<Map<String, AttributeValue>> references = Items.partition(dynamo, table, PK, watchers(videoId));
        Items.batchDelete(dynamo, table, references.stream()
                .map(i -> Items.key(PK, "h#" + Items.str(i, SK), SK, videoId)).toList());
        Items.batchDelete(dynamo, table, references.stream()
                .map(i -> Items.key(PK, Items.str(i, PK), SK, Items.str(i, SK))).toList());
        return references.size();
    }

    /** The partition of the reverse references of a video's watchers: {@code hv#<videoId>} / {@code <viewerId>}. */
    static String watchers(String videoId) {
        return "hv#" + videoId;
    }

    @Override
    public List<String> recentWatches(String viewerId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        var response = call("Query", () -> dynamo.query(r -> r.tableName(table).indexName(DiscoveryTables.BY_TIME)
                .keyConditionExpression("#pk = :h").expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":h", s("h#" + viewerId)))
                .scanIndexForward(false).limit(limit)));
        return response.items().stream().map(i -> Items.str(i, SK)).toList();
    }

    @Override
    public Set<String> watched(String viewerId, Collection<String> videoIds) {
        List<Map<String, AttributeValue>> keys = videoIds.stream().distinct()
                .map(v -> Items.key(PK, "h#" + viewerId, SK, v)).toList();
        Set<String> out = new HashSet<>();
        Items.batchGet(dynamo, table, keys).forEach(i -> out.add(Items.str(i, SK)));
        return out;
    }

    @Override
    public List<ScoredVideo> coViews(String videoId, int limit) {
        var response = call("Query", () -> dynamo.query(r -> r.tableName(table).indexName(DiscoveryTables.BY_RANK)
                .keyConditionExpression("#pk = :c").expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":c", s("c#" + videoId)))
                .scanIndexForward(false).limit(limit)));
        return response.items().stream().map(i -> new ScoredVideo(Items.str(i, SK), Items.lng(i, RANK))).toList();
    }

    private TransactWriteItem pair(String videoId, String otherId, AttributeValue expires) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Items.key(PK, "c#" + videoId, SK, otherId))
                .updateExpression("ADD #r :one SET #e = :e")
                .expressionAttributeNames(Map.of("#r", RANK, "#e", DiscoveryTables.TTL_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":one", Items.n(1L), ":e", expires))).build();
    }
}
