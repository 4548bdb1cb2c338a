package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The outcome of an execution, as DescribeExecution reports it.
 *
 * @param output {@code null} unless SUCCEEDED
 * @param error {@code null} unless FAILED or TIMED_OUT (and may be null for a Fail state without Error)
 * @param history empty unless recorded
 */
public record ExecutionResult(Status status, JsonNode output, String error, String cause,
                              List<HistoryEvent> history) {

    public ExecutionResult {
        history = List.copyOf(history);
    }

    /** Execution statuses. */
    public enum Status { SUCCEEDED, FAILED, TIMED_OUT }
}
