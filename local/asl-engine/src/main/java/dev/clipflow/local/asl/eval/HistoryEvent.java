package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution history, shaped like GetExecutionHistory's events.
 *
 * @param details the {@code <type>EventDetails} object, {@code null} for event types without details
 */
public record HistoryEvent(long id, long previousEventId, String type, Instant timestamp, ObjectNode details) {

    /** The AWS name of the details field: {@code TaskStateEntered} → {@code stateEnteredEventDetails}. */
    public String detailsField() {
        String t = type;
        if (t.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (t.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(t.charAt(0)) + t.substring(1) + "EventDetails";
    }
}
