package dev.clipflow.aws.dynamodb.discovery;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.PK;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.SK;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.discovery.RelatedList;
import dev.clipflow.discovery.RelatedStore;
import dev.clipflow.discovery.ScoredVideo;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

/** {@link RelatedStore} on the discovery table: one item per list, optimistic locking on {@code version}. */
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
    public boolean save(RelatedList list, long expectedVersion) {
        Put put = put(table, list, expectedVersion);
        try {
            call("PutItem", () -> dynamo.putItem(r -> r.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.hasExpressionAttributeValues()
                            ? put.expressionAttributeValues() : null)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
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
