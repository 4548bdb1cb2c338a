package dev.clipflow.catalog.deletion;

import dev.clipflow.catalog.AttemptLog;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Which attempt of the {@code VideoDeletion} workflow a DELETING video is on, on the video's own record (port): an
 * {@link AttemptLog} keyed by the video id, whose run is in progress while the video is DELETING, and whose
 * {@link #touch} and {@link #advance} move the video's last change ({@code updatedAt}) to now, so the sweeper's window
 * counts from the attempt's start.
 */
public interface DeletionAttempts extends AttemptLog<String> {

    /**
     * Moves a DELETING video whose last change is before {@code changedBefore} on to its next attempt, its last change
     * moved to now, and returns that attempt; empty (nothing written) when it changed since or is not DELETING.
     */
    OptionalInt advanceStalled(String videoId, Instant changedBefore);
}
