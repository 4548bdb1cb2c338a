package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Step Functions' payload quota: 256 KiB of UTF-8 for the execution input, a task's result, and every state's
 * result and output (developer guide, "Quotas related to state machine executions").
 */
final class PayloadLimit {

    /** 256 KiB. */
    static final int MAX_BYTES = 256 * 1024;

    /**
     * Our cause for an execution input over the limit (AWS refuses such a StartExecution request; we found no
     * recording of its text), so the execution fails at once, before its first state.
     */
    static final String EXECUTION_INPUT = "The execution input has a size exceeding the maximum number of bytes"
            + " service limit (262144 bytes of UTF-8).";

    private PayloadLimit() {
    }

    /** Whether the JSON text of {@code value} is over the limit; cheap when it is far below (no serializing). */
    static boolean exceeded(JsonNode value) {
        if (upperBound(value, 0) <= MAX_BYTES) {
            return false;
        }
        return exceeded(Json.write(value));
    }

    static boolean exceeded(String text) {
        return text.length() > MAX_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /**
     * A state's result or output over the limit. AWS's cause names the state (a real execution: {@code The
     * state/task 'PostCoeffgen' returned a result with a size exceeding the maximum number of bytes service limit.}),
     * and the error is terminal: the guide says {@code States.ALL} does not catch it.
     */
    static StatesErrorException stateOutput(String stateName) {
        return StatesErrorException.terminal(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + stateName
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /**
     * At least the UTF-8 size of the JSON text (a character takes at most 6 bytes once escaped), counting on
     * from {@code acc} and stopping once past the limit.
     */
    private static long upperBound(JsonNode n, long acc) {
        if (acc > MAX_BYTES) {
            return acc;
        }
        // one type dispatch per node: this runs on every state output, and on every item of a Map's output
        switch (n.getNodeType()) {
            case STRING:
                return acc + 2 + 6L * n.textValue().length();
            case OBJECT: {
                long size = acc + 2;
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    size = upperBound(e.getValue(), size + 4 + 6L * e.getKey().length());
                    if (size > MAX_BYTES) {
                        return size;
                    }
                }
                return size;
            }
            case ARRAY: {
                long size = acc + 2;
                for (int i = 0, k = n.size(); i < k; i++) {
                    size = upperBound(n.get(i), size + 1);
                    if (size > MAX_BYTES) {
                        return size;
                    }
                }
                return size;
            }
            case NUMBER:
                return switch (n.numberType()) {
                    case INT, LONG -> acc + 20;
                    // the longest shortest-repr of a double, e.g. -2.2250738585072014E-308
                    case FLOAT, DOUBLE -> acc + 25;
                    default -> acc + Json.write(n).length();
                };
            case BOOLEAN:
            case NULL:
                return acc + 5;
            default:
                return acc + Json.write(n).length();
        }
    }
}
