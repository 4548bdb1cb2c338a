package dev.clipflow.catalog.events;

import java.util.Map;
import java.util.Objects;

/** The video moved to FAILED ({@code Video Failed}), with the reason a person can read. */
public record VideoFailed(Subject subject, String reason) implements VideoEvent {
    public VideoFailed {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String detailType() {
        return "Video Failed";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("status", "FAILED", "reason", reason);
    }
}
