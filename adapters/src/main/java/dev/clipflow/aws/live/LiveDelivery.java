package dev.clipflow.aws.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live delivery of the video events to browsers on AWS (docs/adr/0013): the WebSocket API's {@code $connect} and
 * {@code $disconnect} routes keep the connections of each owner (the owner is the one {@link ConnectAuthorizer}
 * verified, never a value of the request), and the notifier, the target of a rule on the bus, posts each event to
 * the connections of its {@code detail.ownerId} only. A connection that is gone is forgotten.
 */
public final class LiveDelivery {
    /** The authorizer context key holding the verified owner id. */
    public static final String OWNER_CONTEXT_KEY = "ownerId";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveConnections connections;
    private final Sender sender;

    public LiveDelivery(LiveConnections connections, Sender sender) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** {@code $connect} (after the authorizer allowed it): the connection is its verified owner's. */
    public void connected(JsonNode connectEvent) {
        JsonNode context = connectEvent.path("requestContext");
        String owner = context.path("authorizer").path(OWNER_CONTEXT_KEY).asString("");
        String connectionId = context.path("connectionId").asString("");
        if (owner.isBlank() || connectionId.isBlank()) {
            throw new IllegalArgumentException("A $connect event without an authorized owner or a connection id");
        }
        connections.connect(connectionId, owner);
    }

    /** {@code $disconnect}. */
    public void disconnected(JsonNode disconnectEvent) {
        connections.disconnect(disconnectEvent.path("requestContext").path("connectionId").asString(""));
    }

    /**
     * Posts one EventBridge event (as the rule delivers it) to its owner's connections; returns how many got it.
     * An event without {@code detail.ownerId} goes to nobody.
     */
    public int deliver(JsonNode event) {
        String owner = event.path("detail").path("ownerId").asString("");
        if (owner.isBlank()) {
            return 0;
        }
        byte[] data = JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        int sent = 0;
        for (String connectionId : connections.of(owner)) {
            if (sender.post(connectionId, data)) {
                sent++;
            } else {
                connections.disconnect(connectionId);
            }
        }
        return sent;
    }

    /** The open connections, by owner (on AWS: a table, connection id -> owner id, with a GSI by owner). */
    public interface LiveConnections {
        void connect(String connectionId, String ownerId);

        void disconnect(String connectionId);

        List<String> of(String ownerId);
    }

    /** Posts to one connection ({@code @connections} of the WebSocket API); false when the connection is gone. */
    @FunctionalInterface
    public interface Sender {
        boolean post(String connectionId, byte[] data);
    }
}
