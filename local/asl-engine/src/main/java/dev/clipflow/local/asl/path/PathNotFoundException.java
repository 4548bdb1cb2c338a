package dev.clipflow.local.asl.path;

/**
 * Thrown when a definite path selects nothing. The message is the JSONPath library's own text
 * (for example {@code No results for path: $['a']}), which AWS quotes in its {@code States.Runtime} causes.
 */
public class PathNotFoundException extends RuntimeException {
    public PathNotFoundException(String message) {
        super(message);
    }
}
