package dev.clipflow.catalog.events;

import java.util.Map;

/** The upload's object arrived and passed the size and channel checks ({@code Upload Completed}). */
public record UploadCompleted(Subject subject, long sizeBytes) implements VideoEvent {
    @Override
    public String detailType() {
        return "Upload Completed";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("sizeBytes", sizeBytes);
    }
}
