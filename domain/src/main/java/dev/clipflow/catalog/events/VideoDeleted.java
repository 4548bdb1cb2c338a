package dev.clipflow.catalog.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The video is deleted everywhere ({@code Video Deleted}): out of every feed and list, its media and source gone,
 * its record a tombstone until {@code expiresAt} (docs/adr/0014).
 */
public record VideoDeleted(Subject subject, Instant expiresAt) implements VideoEvent {
    public VideoDeleted {
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String detailType() {
        return "Video Deleted";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("status", "DELETED", "tombstoneExpiresAt", expiresAt.toString());
    }
}
