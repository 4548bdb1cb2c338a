package dev.clipflow.local.asl.path;

/** Thrown when a string is not a valid JSONPath (or not a valid Reference Path where one is required). */
public class PathSyntaxException extends RuntimeException {
    public PathSyntaxException(String message) {
        super(message);
    }
}
