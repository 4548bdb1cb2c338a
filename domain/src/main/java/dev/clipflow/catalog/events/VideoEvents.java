package dev.clipflow.catalog.events;

/**
 * Where video events go (port): the stack's EventBridge bus on AWS and in the local runtime. Publishing never
 * fails the caller's own work, which is already done when its event is published: an implementation reports a
 * bus that refused an event (after its own retries) in the log and returns (docs/adr/0013).
 */
@FunctionalInterface
public interface VideoEvents {

    /** Publishes nothing: for a function built without a bus (tests of other concerns). */
    VideoEvents NONE = event -> { };

    void publish(VideoEvent event);
}
