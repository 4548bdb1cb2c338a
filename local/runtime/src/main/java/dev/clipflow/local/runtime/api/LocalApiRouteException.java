package dev.clipflow.local.runtime.api;

/** Thrown by {@link LocalApi} when a request matches no route of the template or its function fails. */
public class LocalApiRouteException extends RuntimeException {

    public LocalApiRouteException(String message) {
        super(message);
    }
}
