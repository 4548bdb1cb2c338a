package dev.clipflow.socialapi;

/**
 * Thrown when an HTTP request is refused before reaching the domain: unknown route or method,
 * missing identity, malformed or oversized body, a field of the wrong type, an id outside
 * {@link dev.clipflow.media.MediaKeys#ID_PATTERN}. Carries the status and error code to answer.
 */
public class ApiRequestRejectedException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiRequestRejectedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
