package dev.clipflow.catalog.events;

import java.util.Map;
import java.util.Objects;

/** The video moved AWAITING_UPLOAD -> PROCESSING and its pipeline execution was asked for
 * ({@code Processing Started}). */
public record ProcessingStarted(Subject subject, String executionName) implements VideoEvent {
    public ProcessingStarted {
        Objects.requireNonNull(executionName, "executionName");
    }

    @Override
    public String detailType() {
        return "Processing Started";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("status", "PROCESSING", "executionName", executionName);
    }
}
