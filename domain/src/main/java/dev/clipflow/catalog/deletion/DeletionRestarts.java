package dev.clipflow.catalog.deletion;

import dev.clipflow.catalog.WorkflowRestarts;
import dev.clipflow.pipeline.ExecutionLookup;
import dev.clipflow.pipeline.ExecutionStarter;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Starts the {@code VideoDeletion} workflow of a DELETING video under its attempt's execution name, and restarts it
 * under the next one when an attempt ended without finishing (docs/adr/0014), as {@link WorkflowRestarts} keyed by the
 * video id: the steps it did are recorded on the video ({@link DeletionRecords#done}), so a restart goes on where it
 * stopped. The sweeper's restart of a deletion left DELETING past its window is the deletion's own.
 */
public final class DeletionRestarts {
    private final DeletionAttempts attempts;
    private final WorkflowRestarts<String> runs;

    public DeletionRestarts(DeletionAttempts attempts, ExecutionStarter workflow) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.runs = new WorkflowRestarts<>(attempts, workflow, videoId -> videoId,
                videoId -> "{\"videoId\":\"" + videoId + "\"}");
    }

    /**
     * The execution name of an attempt: the video id for the first (as before restarts existed), {@code <id>-<n>}
     * for the n-th.
     */
    public static String executionName(String videoId, int attempt) {
        return WorkflowRestarts.executionName(videoId, attempt);
    }

    /**
     * A repeated request's restart ({@link WorkflowRestarts#resume}): the current attempt's execution, looked up in
     * {@code executions}, is started when it never was and restarted under the next attempt when it ended unfinished.
     */
    public OptionalInt resume(String videoId, ExecutionLookup executions) {
        return runs.resume(videoId, executions);
    }

    /**
     * The sweeper's restart: a DELETING video unchanged since {@code changedBefore} (long enough for any execution of
     * its attempt to have ended: the state machine's timeout) is moved on to its next attempt, which starts. Returns
     * the attempt started, or empty when the video changed meanwhile (nothing done).
     */
    public OptionalInt restartStalled(String videoId, Instant changedBefore) {
        OptionalInt next = attempts.advanceStalled(videoId, changedBefore);
        next.ifPresent(n -> runs.startAttempt(videoId, n));
        return next;
    }
}
