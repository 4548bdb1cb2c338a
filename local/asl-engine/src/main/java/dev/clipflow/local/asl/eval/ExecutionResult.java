package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import java.util.List;

/**
 * The outcome of an execution, as DescribeExecution reports it.
 *
 * @param output {@code null} unless SUCCEEDED
 * @param error {@code null} unless FAILED or TIMED_OUT (and may be null for a Fail state without Error)
 * @param history empty unless recorded
 * @param mapRuns the Map Runs of the execution's Distributed Map states, in start order (each with its child
 *                executions)
 */
public record ExecutionResult(Status status, JsonNode output, String error, String cause,
                              List<HistoryEvent> history, List<MapRun> mapRuns) {

    public ExecutionResult {
        history = List.copyOf(history);
        mapRuns = List.copyOf(mapRuns);
    }

    /** A result without Map Runs. */
    public ExecutionResult(Status status, JsonNode output, String error, String cause, List<HistoryEvent> history) {
        this(status, output, error, cause, history, List.of());
    }

    /**
     * The {@code execute} commands' report: {@code {"status", "output" | "error"+"cause", "history"}}, the
     * history (GetExecutionHistory's {@code events}) only when asked for.
     */
    public ObjectNode report(boolean withHistory) {
        ObjectNode o = Json.object();
        o.put("status", status.name());
        if (output != null) {
            o.set("output", output);
        } else {
            o.put("error", error);
            o.put("cause", cause);
        }
        if (withHistory) {
            o.set("history", History.toJson(history));
        }
        return o;
    }

    /** Execution statuses. */
    public enum Status { SUCCEEDED, FAILED, TIMED_OUT }
}
