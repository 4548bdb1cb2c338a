package dev.clipflow.catalog.sweep;

import dev.clipflow.catalog.VideoStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A video the sweeper may have to fail or release, as the store's index lists it.
 *
 * @param status    the status it was listed in
 * @param updatedAt its last change when listed
 */
public record StaleVideo(String videoId, VideoStatus status, Instant updatedAt) {
    public StaleVideo {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
