package dev.clipflow.catalog.deletion;

import dev.clipflow.pipeline.ExecutionStarter;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Starts the {@code VideoDeletion} workflow of a DELETING video under its attempt's execution name, and restarts it
 * under the next one when an attempt ended without finishing (docs/adr/0014). Step Functions keeps an execution name
 * for 90 days, so a workflow that failed for good cannot be started again under the same name; the steps it did are
 * recorded on the video ({@link DeletionRecords#done}), so a restart goes on where it stopped. Two restarts racing
 * each other move the attempt once ({@link DeletionAttempts}) and start one execution (same name and input: Step
 * Functions starts it once).
 */
public final class DeletionRestarts {
    /** Step Functions' limit on an execution name. */
    static final int MAX_NAME_LENGTH = 80;

    private final DeletionAttempts attempts;
    private final ExecutionStarter workflow;

    public DeletionRestarts(DeletionAttempts attempts, ExecutionStarter workflow) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
    }

    /**
     * The execution name of an attempt: the video id for the first (as before restarts existed), {@code <id>-<n>}
     * for the n-th.
     */
    public static String executionName(String videoId, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1, not " + attempt);
        }
        String name = attempt == 1 ? videoId : videoId + "-" + attempt;
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Execution name longer than " + MAX_NAME_LENGTH + ": " + name);
        }
        return name;
    }

    /**
     * Starts attempt {@code attempt} of a DELETING video that has no execution of its name (a first start, or one
     * whose start failed), its last change moved to now first; nothing when the video moved on to another attempt or
     * is no longer DELETING. A start racing another of the same name starts one execution.
     */
    public boolean start(String videoId, int attempt) {
        if (!attempts.touch(videoId, attempt)) {
            return false;
        }
        startExecution(videoId, attempt);
        return true;
    }

    /**
     * Restarts the workflow after attempt {@code ended} ended unfinished: moves the video on to the next attempt and
     * starts it. Returns the attempt started, or empty when nothing was done: another restart moved the video on first
     * (and starts its attempt), or it is no longer DELETING.
     */
    public OptionalInt restartAfter(String videoId, int ended) {
        if (!attempts.advance(videoId, ended)) {
            return OptionalInt.empty();
        }
        startExecution(videoId, ended + 1);
        return OptionalInt.of(ended + 1);
    }

    /**
     * The sweeper's restart: a DELETING video unchanged since {@code changedBefore} (long enough for any execution of
     * its attempt to have ended: the state machine's timeout) is moved on to its next attempt, which starts. Returns
     * the attempt started, or empty when the video changed meanwhile (nothing done).
     */
    public OptionalInt restartStalled(String videoId, Instant changedBefore) {
        OptionalInt next = attempts.advanceStalled(videoId, changedBefore);
        next.ifPresent(n -> startExecution(videoId, n));
        return next;
    }

    private void startExecution(String videoId, int attempt) {
        workflow.start(executionName(videoId, attempt), "{\"videoId\":\"" + videoId + "\"}");
    }
}
