package dev.clipflow.live;

import dev.clipflow.aws.live.LiveDelivery;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code liveNotifier} function, target of the rule on the video event bus ({@code source: clipflow.videos}):
 * posts the event, as the rule delivers it, to the WebSocket connections of its {@code detail.ownerId} only
 * ({@link LiveDelivery}); a gone connection is forgotten. Returns how many connections got it. An event that is
 * not one of ours is {@link LiveEventMalformedException}.
 */
public final class LiveNotifier implements Function<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveNotifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveDelivery delivery;

    public LiveNotifier(LiveDelivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> event) {
        JsonNode node = JSON.valueToTree(event == null ? Map.of() : event);
        if (!"clipflow.videos".equals(node.path("source").asString("")) || !node.path("detail").isObject()) {
            throw new LiveEventMalformedException("Not a clipflow.videos event with a detail: source '"
                    + node.path("source").asString("") + "'");
        }
        int delivered = delivery.deliver(node);
        LOG.info("{} of video {} delivered to {} connection(s)", node.path("detail-type").asString(""),
                node.path("detail").path("videoId").asString(""), delivered);
        return Map.of("delivered", delivered);
    }
}
