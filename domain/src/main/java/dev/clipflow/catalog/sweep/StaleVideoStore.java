package dev.clipflow.catalog.sweep;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalog's view for the sweeper (port): videos by how long they have been left in a status, oldest first,
 * and the conditional write that fails one only if it has not moved on. Failures that may succeed on retry are
 * thrown as {@link dev.clipflow.pipeline.TransientStageException}.
 */
public interface StaleVideoStore {

    /**
     * Videos in {@code status} (AWAITING_UPLOAD or PROCESSING) whose last change is before {@code changedBefore},
     * oldest first, read page by page as the stream is consumed. A listed video may have moved on since (the
     * listing may lag): {@link #failStale} decides.
     */
    Stream<StaleVideo> stale(VideoStatus status, Instant changedBefore);

    /**
     * {@code status} -> FAILED with {@code reason}, only if the video is still in {@code status} and unchanged
     * since before {@code changedBefore}; the video is then marked as not released yet
     * ({@link #notReleased()}). Returns the failed video, or empty when it moved on or no longer exists (nothing
     * is written then).
     */
    Optional<Video> failStale(String videoId, VideoStatus status, Instant changedBefore, String reason);

    /**
     * DELETING videos whose last change (the deletion's request or its last restart) is before {@code changedBefore},
     * oldest first, read page by page as the stream is consumed.
     */
    Stream<StaleVideo> stalledDeletions(Instant changedBefore);

    /** Videos failed by {@link #failStale} whose {@link #released} has not been recorded (an interrupted sweep). */
    Stream<StaleVideo> notReleased();

    /** Records that a failed video's upload and outputs were released. Repeating it is a no-op. */
    void released(String videoId);
}
