package dev.clipflow.aws.dynamodb.discovery;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.PK;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.SK;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.discovery.RelatedList;
import dev.clipflow.discovery.RelatedStore;
import dev.clipflow.discovery.ScoredVideo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link RelatedStore} on the discovery table: one item per list, optimistic locking on {@code version}. A save is
 * one transaction: the list (conditional on its version), a reverse reference {@code rr#<item>} / {@code <owner>}
 * per video it holds, and the deletion of the references of videos it dropped.
 */
public final class DynamoRelatedStore implements RelatedStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRelatedStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<RelatedList> find(String videoId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(key(videoId))
                .consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        List<ScoredVideo> items = item.get("items").l().stream()
                .map(v -> new ScoredVideo(v.m().get("v").s(), Double.parseDouble(v.m().get("s").n())))
                .toList();
        return Optional.of(new RelatedList(videoId, items, Items.lng(item, "version")));
    }

    @Override
    public boolean save(RelatedList list, long expectedVersion, Collection<String> dropped) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put(table, list, expectedVersion)).build());
        for (ScoredVideo held : list.items()) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(reference(held.videoId(), list.videoId()))).build());
        }
        dropped.stream().filter(v -> !list.contains(v)).distinct().forEach(v -> writes.add(TransactWriteItem
                .builder().delete(d -> d.tableName(table).key(reference(v, list.videoId()))).build()));
        try {
            call("TransactWriteItems(related)", () -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailedAt(e, 0)) {
                return false;
            }
            throw Items.translate("TransactWriteItems(related)", e);
        }
    }

    @Override
    public List<String> holdersOf(String videoId) {
        return Items.partition(dynamo, table, PK, references(videoId)).stream().map(i -> Items.str(i, SK)).toList();
    }

    @Override
    public void forget(String heldId, String ownerId) {
        call("DeleteItem", () -> dynamo.deleteItem(r -> r.tableName(table).key(reference(heldId, ownerId))));
    }

    @Override
    public void delete(String videoId) {
        Optional<RelatedList> own = find(videoId);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        own.ifPresent(l -> l.items().forEach(i -> keys.add(reference(i.videoId(), videoId))));
        // The references first, the list last: a failure in between leaves the list, whose items find them again.
        Items.batchDelete(dynamo, table, keys);
        call("DeleteItem", () -> dynamo.deleteItem(r -> r.tableName(table).key(key(videoId))));
    }

    /** The partition of the reverse references of a video held in other videos' related lists. */
    static String references(String videoId) {
        return "rr#" + videoId;
    }

    /** The reverse reference that {@code ownerId}'s related list holds {@code heldId}. */
    static Map<String, AttributeValue> reference(String heldId, String ownerId) {
        return Items.key(PK, references(heldId), SK, ownerId);
    }

    /**
     * The conditional put of {@code list} as version {@code expectedVersion + 1}: also one item of the term index's
     * re-index transaction ({@link DynamoTermIndex#apply}).
     */
    static Put put(String table, RelatedList list, long expectedVersion) {
        Map<String, AttributeValue> item = key(list.videoId());
        item.put("items", AttributeValue.fromL(list.items().stream()
                .map(i -> AttributeValue.fromM(Map.of("v", Items.s(i.videoId()), "s", Items.n(i.score()))))
                .toList()));
        item.put("version", Items.n(expectedVersion + 1));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            put.conditionExpression("#ver = :v").expressionAttributeNames(Map.of("#ver", "version"))
                    .expressionAttributeValues(Map.of(":v", Items.n(expectedVersion)));
        }
        return put.build();
    }

    private static Map<String, AttributeValue> key(String videoId) {
        return Items.key(PK, "r#" + videoId, SK, "#list");
    }
}
