package dev.clipflow.http;

import java.util.Map;

/**
 * One error answer: status, error code, message and extra headers; written as
 * {@code {"error": code, "message": message}}. Never throws on what an exception carries: a null
 * message (an exception without one) is written as JSON null, so mapping an error cannot fail.
 */
public record ApiError(int status, String code, String message, Map<String, String> headers) {
    public ApiError {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** 503 {@code UNAVAILABLE} with {@code Retry-After: 2}: a transient failure the caller may retry. */
    public static ApiError serviceBusy() {
        return new ApiError(503, "UNAVAILABLE", "The service is busy; try again in a few seconds.",
                Map.of("Retry-After", "2"));
    }
}
