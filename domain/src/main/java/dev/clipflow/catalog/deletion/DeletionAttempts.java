package dev.clipflow.catalog.deletion;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * Which attempt of the {@code VideoDeletion} workflow a DELETING video is on, on the video's own record (port). The
 * first attempt is 1 whether or not it is recorded; each restart moves it on by one with a conditional write, so two
 * concurrent restarts cannot both move it (and the one that loses starts nothing new: the execution name is derived
 * from the attempt, {@link DeletionRestarts#executionName}).
 */
public interface DeletionAttempts {

    /** The attempt the DELETING video is on; empty when the video is not DELETING (or does not exist). */
    OptionalInt current(String videoId);

    /**
     * Moves the last change of a DELETING video on attempt {@code attempt} to now, right before that attempt is
     * started (so the sweeper's window counts from its start); false (nothing written) when it is not DELETING or on
     * another attempt.
     */
    boolean touch(String videoId, int attempt);

    /**
     * {@code from} -> {@code from + 1} on a DELETING video that is on attempt {@code from}, its last change moved to
     * now; false (nothing written) when it is not DELETING or on another attempt.
     */
    boolean advance(String videoId, int from);

    /**
     * Moves a DELETING video whose last change is before {@code changedBefore} on to its next attempt, its last change
     * moved to now, and returns that attempt; empty (nothing written) when it changed since or is not DELETING.
     */
    OptionalInt advanceStalled(String videoId, Instant changedBefore);
}
