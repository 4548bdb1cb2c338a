package dev.clipflow.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A dry request a function declares for SnapStart priming ({@link FunctionBeans#primingRequest}): an event that the
 * function answers without any effect outside the JVM (no write, no AWS call: for an HTTP API, a request without
 * identity, refused with 401 before the API reads anything). Before the snapshot the handler sends it through the
 * whole invocation, Spring Cloud Function's message conversion, the function's routing and its JSON, so the first
 * real request after a restore finds that code loaded.
 *
 * @param name  what the request is, for the log
 * @param event the event as Lambda would deliver it (JSON)
 */
public record PrimingRequest(String name, String event) {
    public PrimingRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(event, "event");
    }

    byte[] bytes() {
        return event.getBytes(StandardCharsets.UTF_8);
    }
}
