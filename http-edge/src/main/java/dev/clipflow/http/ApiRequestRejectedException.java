package dev.clipflow.http;

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

    /** 404 {@code NOT_FOUND}: no route matches the path. */
    public static ApiRequestRejectedException notFound() {
        return new ApiRequestRejectedException(404, "NOT_FOUND", "There is no such resource.");
    }

    /**
     * 405 {@code METHOD_NOT_ALLOWED}: the path is routed, the method is not.
     *
     * @param allowed the methods the path accepts, as the {@code Allow} header lists them ("POST, DELETE")
     */
    public static ApiRequestRejectedException methodNotAllowed(String allowed) {
        return new ApiRequestRejectedException(405, "METHOD_NOT_ALLOWED",
                "This resource accepts " + allowed + " only.");
    }

    /** 400 {@code INVALID_ID}: a path segment or field that must be an id is not one. */
    public static ApiRequestRejectedException invalidId() {
        return new ApiRequestRejectedException(400, "INVALID_ID",
                "Ids are 3 to 64 lower-case letters, digits and dashes.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
