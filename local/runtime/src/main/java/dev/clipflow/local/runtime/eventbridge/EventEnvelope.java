package dev.clipflow.local.runtime.eventbridge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.template.LocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The envelope of every event EventBridge delivers: {@code version} 0, a new {@code id}, {@code detail-type},
 * {@code source}, the local {@code account}, {@code time} in whole seconds, the local {@code region} and
 * {@code resources}. The caller adds the {@code detail}.
 */
public final class EventEnvelope {

    private EventEnvelope() {
    }

    public static ObjectNode of(String detailType, String source, Instant time, List<String> resources) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", LocalAws.ACCOUNT);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", LocalAws.REGION);
        ArrayNode list = event.putArray("resources");
        resources.forEach(list::add);
        return event;
    }
}
