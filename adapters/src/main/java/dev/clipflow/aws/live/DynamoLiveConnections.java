package dev.clipflow.aws.live;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.common.Items.n;
import static dev.clipflow.aws.dynamodb.common.Items.s;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link LiveDelivery.LiveConnections} on the connections table ({@link LiveTables}): one item per connection,
 * {@code connectionId} -> {@code ownerId}, expiring after {@link #TTL} (API Gateway closes a WebSocket connection
 * after 2 hours at the latest, and a {@code $disconnect} is not guaranteed). An owner's connections are read from
 * the {@code byOwner} index; an expired item that TTL has not deleted yet is skipped.
 */
public final class DynamoLiveConnections implements LiveDelivery.LiveConnections {
    /** API Gateway's maximum WebSocket connection duration. */
    public static final Duration TTL = Duration.ofHours(2);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoLiveConnections(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void connect(String connectionId, String ownerId) {
        long expires = clock.instant().plus(TTL).getEpochSecond();
        call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(Map.of(
                LiveTables.CONNECTION_ID, s(connectionId), LiveTables.OWNER_ID, s(ownerId),
                LiveTables.TTL_ATTRIBUTE, n(expires)))));
    }

    @Override
    public void disconnect(String connectionId) {
        if (connectionId == null || connectionId.isBlank()) {
            return;
        }
        call("DeleteItem", () -> dynamo.deleteItem(r -> r.tableName(table)
                .key(Map.of(LiveTables.CONNECTION_ID, s(connectionId)))));
    }

    @Override
    public List<String> of(String ownerId) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        long now = clock.instant().getEpochSecond();
        do {
            Map<String, AttributeValue> from = start;
            var page = call("Query", () -> dynamo.query(r -> r.tableName(table).indexName(LiveTables.BY_OWNER)
                    .keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", LiveTables.OWNER_ID))
                    .expressionAttributeValues(Map.of(":o", s(ownerId)))
                    .exclusiveStartKey(from)));
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue expires = item.get(LiveTables.TTL_ATTRIBUTE);
                if (expires == null || Long.parseLong(expires.n()) > now) {
                    ids.add(item.get(LiveTables.CONNECTION_ID).s());
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }
}
