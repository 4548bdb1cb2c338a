package dev.clipflow.catalog.visibility;

import dev.clipflow.catalog.Video;
import java.util.Objects;

/**
 * One visibility change of a video, the run its {@code VideoVisibilityChange} executions carry out (one or more
 * attempts, {@link VisibilityChangeExecutions}). It is in progress while it is the video's pending change ({@link
 * Video#visibilityChange()} with the same {@code requestedAt}) on a PUBLISHED video.
 */
public record PendingVisibilityChange(String videoId, String channelId, Video.VisibilityChange change) {
    public PendingVisibilityChange {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(change, "change");
    }

    /** {@code change} of {@code video}. */
    public static PendingVisibilityChange of(Video video, Video.VisibilityChange change) {
        return new PendingVisibilityChange(video.videoId(), video.channelId(), change);
    }
}
