package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event history of one execution. Event ids are always assigned (causes quote them); events are kept only
 * when recording, so long runs without {@code --history} allocate nothing here. Thread-safe.
 */
public final class History {

    private final boolean recording;
    private final AtomicLong ids = new AtomicLong();
    private final List<HistoryEvent> events = new ArrayList<>();

    public History(boolean recording) {
        this.recording = recording;
    }

    public boolean recording() {
        return recording;
    }

    /** Adds an event; returns its id. {@code details} may be {@code null} (and is ignored when not recording). */
    public long add(String type, long previous, Instant at, ObjectNode details) {
        long id = ids.incrementAndGet();
        if (recording) {
            synchronized (events) {
                events.add(new HistoryEvent(id, previous, type, at, details));
            }
        }
        return id;
    }

    public List<HistoryEvent> events() {
        synchronized (events) {
            List<HistoryEvent> copy = new ArrayList<>(events);
            copy.sort((a, b) -> Long.compare(a.id(), b.id()));
            return copy;
        }
    }

    /** The events as AWS's GetExecutionHistory {@code events} array. */
    public ArrayNode toJson() {
        return toJson(events());
    }

    /** Events as AWS's GetExecutionHistory {@code events} array, in the order given. */
    public static ArrayNode toJson(List<HistoryEvent> events) {
        ArrayNode out = Json.array();
        for (HistoryEvent e : events) {
            ObjectNode o = out.addObject();
            o.put("timestamp", e.timestamp().toString());
            o.put("type", e.type());
            o.put("id", e.id());
            o.put("previousEventId", e.previousEventId());
            if (e.details() != null) {
                o.set(e.detailsField(), e.details());
            }
        }
        return out;
    }

    /** Details helper: {@code {"name": ..., "input"/"output": "<json text>", ...Details: {"truncated": false}}}. */
    public static ObjectNode stateDetails(String name, String field, JsonNode value) {
        ObjectNode d = Json.object();
        d.put("name", name);
        d.put(field, Json.write(value));
        d.putObject(field + "Details").put("truncated", false);
        return d;
    }
}
