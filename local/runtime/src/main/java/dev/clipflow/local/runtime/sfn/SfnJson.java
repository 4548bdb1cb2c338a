package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.HistoryEvent;
import dev.clipflow.local.asl.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Response shapes of the Step Functions API (timestamps as epoch seconds, as the AWS JSON protocol writes them). */
final class SfnJson {

    private SfnJson() {
    }

    static BigDecimal epoch(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli(), 3);
    }

    static ObjectNode describe(ExecutionRecord e) {
        ObjectNode o = listItem(e);
        o.put("input", e.input);
        o.putObject("inputDetails").put("included", true);
        if (e.output() != null) {
            o.put("output", Json.write(e.output()));
            o.putObject("outputDetails").put("included", true);
        }
        if (e.error() != null) {
            o.put("error", e.error());
        }
        if (e.cause() != null) {
            o.put("cause", e.cause());
        }
        o.put("redriveCount", 0);
        o.put("redriveStatus", "NOT_REDRIVABLE");
        return o;
    }

    static ObjectNode listItem(ExecutionRecord e) {
        ObjectNode o = Json.object();
        o.put("executionArn", e.arn);
        o.put("stateMachineArn", e.stateMachineArn);
        o.put("name", e.name);
        o.put("status", e.status());
        o.put("startDate", epoch(e.startDate));
        if (e.stopDate() != null) {
            o.put("stopDate", epoch(e.stopDate()));
        }
        return o;
    }

    /** History events in GetExecutionHistory's shape; without execution data, inputs and outputs are left out. */
    static ArrayNode events(List<HistoryEvent> events, boolean includeData, boolean reverse) {
        ArrayNode out = Json.array();
        for (HistoryEvent e : events) {
            ObjectNode o = Json.object();
            o.put("timestamp", epoch(e.timestamp() == null ? Instant.now() : e.timestamp()));
            o.put("type", e.type());
            o.put("id", e.id());
            o.put("previousEventId", e.previousEventId());
            if (e.details() != null) {
                ObjectNode d = e.details().deepCopy();
                if (!includeData) {
                    d.remove(List.of("input", "output", "inputDetails", "outputDetails", "parameters"));
                }
                o.set(e.detailsField(), d);
            }
            if (reverse) {
                out.insert(0, o);
            } else {
                out.add(o);
            }
        }
        return out;
    }
}
