package dev.clipflow.catalog;

import java.util.OptionalInt;

/**
 * Which attempt of a workflow run is current, recorded on the video's own record (port). A run is one deletion, or
 * one visibility change; each start of its workflow is an attempt, named by it ({@link WorkflowRestarts}). The first
 * attempt is 1 whether or not it is recorded; each restart moves it on by one with a conditional write, so two
 * concurrent restarts cannot both move it, and the one that loses starts nothing new.
 *
 * @param <R> what identifies the run (the video id for a deletion, the pending change for a visibility change)
 */
public interface AttemptLog<R> {

    /** The attempt the run is on; empty when the run is not in progress (over, or never was). */
    OptionalInt current(R run);

    /**
     * Records that attempt {@code attempt} of the run is about to start (moving the time the sweeper counts from),
     * right before it is started; false (nothing written) when the run is not in progress or on another attempt.
     */
    boolean touch(R run, int attempt);

    /**
     * {@code from} -> {@code from + 1} on a run in progress that is on attempt {@code from}, recorded as started now;
     * false (nothing written) when it is not in progress or on another attempt.
     */
    boolean advance(R run, int from);
}
