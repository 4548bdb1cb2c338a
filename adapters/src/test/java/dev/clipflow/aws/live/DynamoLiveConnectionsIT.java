package dev.clipflow.aws.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.testing.Emulators;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/** The connections table on Dynoxide: by owner through the index, forgotten on disconnect or when gone, expiring. */
class DynamoLiveConnectionsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final DynamoDbClient dynamo = new AwsClients(Emulators.shared().lookup()).dynamoDb();
    private final String table = Emulators.uniqueName("live-connections");
    private final DynamoLiveConnections connections = connectionsAt(NOW);

    DynamoLiveConnectionsIT() {
        LiveTables.create(dynamo, table);
    }

    private DynamoLiveConnections connectionsAt(Instant at) {
        return new DynamoLiveConnections(dynamo, table, Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void of_listsOnlyThatOwnersConnections_andDisconnectForgetsOne() {
        connections.connect("c-a1", "user-a");
        connections.connect("c-a2", "user-a");
        connections.connect("c-b1", "user-b");

        assertThat(connections.of("user-a")).containsExactlyInAnyOrder("c-a1", "c-a2");
        assertThat(connections.of("user-b")).containsExactly("c-b1");
        assertThat(connections.of("user-c")).isEmpty();

        connections.disconnect("c-a1");
        connections.disconnect("never-connected");

        assertThat(connections.of("user-a")).containsExactly("c-a2");
    }

    @Test
    void connect_storesTheOwnerAndAnExpiryTwoHoursOn_andAnExpiredConnectionIsNotListed() {
        connections.connect("c-1", "user-a");

        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(LiveTables.CONNECTION_ID, AttributeValue.fromS("c-1")))).item();
        assertThat(item.get(LiveTables.OWNER_ID).s()).isEqualTo("user-a");
        assertThat(item.get(LiveTables.TTL_ATTRIBUTE).n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofHours(2)).getEpochSecond()));
        assertThat(connectionsAt(NOW.plus(Duration.ofMinutes(119))).of("user-a")).containsExactly("c-1");
        assertThat(connectionsAt(NOW.plus(Duration.ofHours(2))).of("user-a")).isEmpty();
    }

    @Test
    void of_pagesThroughManyConnections() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            connections.connect("c-" + i + "-" + "x".repeat(400), "user-many");
            expected.add("c-" + i + "-" + "x".repeat(400));
        }

        assertThat(connections.of("user-many")).hasSize(120).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void delivery_onTheTable_reachesOnlyTheOwner_andForgetsAGoneConnection() {
        connections.connect("c-a", "user-a");
        connections.connect("c-a-gone", "user-a");
        connections.connect("c-b", "user-b");
        List<String> posted = new ArrayList<>();
        LiveDelivery delivery = new LiveDelivery(connections, (id, data) -> {
            posted.add(id + " " + new String(data, StandardCharsets.UTF_8).contains("\"v-1\""));
            return !id.endsWith("-gone");
        });

        int sent = delivery.deliver(JSON.readTree("""
                {"source":"clipflow.videos","detail-type":"Video Published",
                 "detail":{"schemaVersion":1,"videoId":"v-1","ownerId":"user-a"}}"""));

        assertThat(sent).isEqualTo(1);
        assertThat(posted).containsExactlyInAnyOrder("c-a true", "c-a-gone true");
        assertThat(connections.of("user-a")).containsExactly("c-a");
        assertThat(connections.of("user-b")).containsExactly("c-b");
    }
}
