package dev.clipflow.aws.dynamodb.discovery;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.common.Items.n;
import static dev.clipflow.aws.dynamodb.common.Items.s;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.AT;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.PK;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.SK;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.discovery.IndexedVideo;
import dev.clipflow.discovery.Posting;
import dev.clipflow.discovery.TermIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link TermIndex} on the discovery table. {@link #add} is one transaction: the video's marker
 * (conditional on its absence), a posting and a document-frequency {@code ADD} per term, and the
 * document count {@code ADD}; at most 40 terms make at most 82 items (the limit is 100). A repeat
 * fails the marker's condition and changes nothing, so no counter is counted twice. The marker keeps the video's
 * term weights ({@code weights}), from which {@link #remove} takes every posting and count back in one transaction.
 */
public final class DynamoTermIndex implements TermIndex {
    static final String DF = "#df";
    static final String WEIGHTS = "weights";
    private static final Map<String, AttributeValue> CATALOG = Items.key(PK, "#catalog", SK, "#count");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTermIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean add(IndexedVideo video) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> marker = Items.key(PK, "d#" + video.videoId(), SK, "#doc");
        marker.put("channelId", s(video.channelId()));
        marker.put("terms", n(video.weights().size()));
        // The terms themselves, so that a delete finds the postings and document frequencies to take back.
        marker.put(WEIGHTS, AttributeValue.fromM(video.weights().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> n(e.getValue())))));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))).build());
        String at = Items.formatTime(video.publishedAt()) + "#" + video.videoId();
        video.weights().forEach((term, weight) -> {
            Map<String, AttributeValue> posting = Items.key(PK, "t#" + term, SK, video.videoId());
            posting.put(AT, s(at));
            posting.put("w", n(weight));
            posting.put("norm", n(video.norm()));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(posting)).build());
            writes.add(increment(Items.key(PK, "t#" + term, SK, DF)));
        });
        writes.add(increment(new HashMap<>(CATALOG)));
        try {
            call("TransactWriteItems(index)", () -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailedAt(e, 0)) {
                return false;
            }
            throw Items.translate("TransactWriteItems(index)", e);
        }
    }

    @Override
    public boolean remove(String videoId) {
        Map<String, AttributeValue> markerKey = Items.key(PK, "d#" + videoId, SK, "#doc");
        var marker = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(markerKey).consistentRead(true)));
        if (!marker.hasItem() || marker.item().isEmpty()) {
            return false;
        }
        if (!marker.item().containsKey(WEIGHTS)) {
            throw new IllegalStateException("The index marker of " + videoId + " predates its term list (written "
                    + "before docs/adr/0014): backfill it before deleting the video");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(markerKey)
                .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK))).build());
        for (String term : marker.item().get(WEIGHTS).m().keySet()) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(Items.key(PK, "t#" + term, SK, videoId))).build());
            writes.add(add(Items.key(PK, "t#" + term, SK, DF), -1L));
        }
        writes.add(add(new HashMap<>(CATALOG), -1L));
        try {
            call("TransactWriteItems(unindex)", () -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailedAt(e, 0)) {
                return false;
            }
            throw Items.translate("TransactWriteItems(unindex)", e);
        }
    }

    @Override
    public List<Posting> postings(String term, int limit) {
        var response = call("Query", () -> dynamo.query(r -> r.tableName(table).indexName(DiscoveryTables.BY_TIME)
                .keyConditionExpression("#pk = :t").expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":t", s("t#" + term)))
                .scanIndexForward(false).limit(limit)));
        return response.items().stream()
                .map(i -> new Posting(Items.str(i, SK), Items.dbl(i, "w"), Items.dbl(i, "norm")))
                .toList();
    }

    @Override
    public Map<String, Long> documentFrequencies(Collection<String> terms) {
        Map<String, Long> out = new HashMap<>();
        terms.forEach(t -> out.put(t, 0L));
        List<Map<String, AttributeValue>> keys = terms.stream().distinct()
                .map(t -> Items.key(PK, "t#" + t, SK, DF)).toList();
        Items.batchGet(dynamo, table, keys).forEach(i -> out.put(Items.str(i, PK).substring(2), Items.lng(i, "n")));
        return out;
    }

    @Override
    public long documentCount() {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(CATALOG)));
        return response.hasItem() ? Items.lng(response.item(), "n") : 0L;
    }

    private TransactWriteItem increment(Map<String, AttributeValue> key) {
        return add(key, 1L);
    }

    private TransactWriteItem add(Map<String, AttributeValue> key, long delta) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key)
                .updateExpression("ADD #n :d")
                .expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":d", n(delta)))).build();
    }
}
