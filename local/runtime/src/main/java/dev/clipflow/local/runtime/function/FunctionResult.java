package dev.clipflow.local.runtime.function;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One invocation's outcome, as Lambda's Invoke API returns it.
 *
 * @param payload the bytes the handler wrote, or the error object for a function error
 * @param functionError {@code null} on success, {@code Unhandled} for an uncaught exception or a timeout
 * @param requestId the invocation's request id
 * @param duration wall time of the invocation (excluding the function's initialisation)
 */
public record FunctionResult(byte[] payload, String functionError, String requestId, Duration duration) {

    public boolean failed() {
        return functionError != null;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
