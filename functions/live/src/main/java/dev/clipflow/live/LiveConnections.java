package dev.clipflow.live;

import dev.clipflow.aws.live.LiveDelivery;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code liveConnections} function, the integration of the WebSocket API's {@code $connect} (after the
 * authorizer allowed it: the connection is stored under the authorizer's verified owner) and {@code $disconnect}
 * routes ({@link LiveDelivery}). Answers 200; another route key is {@link LiveEventMalformedException}.
 */
public final class LiveConnections implements Function<Map<String, Object>, Map<String, Object>> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveDelivery delivery;

    public LiveConnections(LiveDelivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> event) {
        JsonNode node = JSON.valueToTree(event == null ? Map.of() : event);
        String route = node.path("requestContext").path("routeKey").asString("");
        try {
            switch (route) {
                case "$connect" -> delivery.connected(node);
                case "$disconnect" -> delivery.disconnected(node);
                default -> throw new LiveEventMalformedException("Not a $connect or $disconnect event: route key '"
                        + route + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new LiveEventMalformedException(e.getMessage());
        }
        return Map.of("statusCode", 200);
    }
}
