package dev.clipflow.catalog;

import dev.clipflow.pipeline.ExecutionLookup;
import dev.clipflow.pipeline.ExecutionStarter;
import dev.clipflow.pipeline.ExecutionState;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Starts a workflow run of a video under its attempt's execution name, and restarts it under the next one when an
 * attempt ended without finishing (docs/adr/0014: the deletion and the visibility change). Step Functions keeps an
 * execution name for 90 days, so a workflow that failed for good cannot be started again under the same name; its
 * steps are recorded on the video, so a restart goes on where the last attempt stopped. Two restarts racing each
 * other move the attempt once ({@link AttemptLog}) and start one execution (same name and input: Step Functions
 * starts it once).
 *
 * @param <R> what identifies the run
 */
public final class WorkflowRestarts<R> {
    /** Step Functions' limit on an execution name. */
    public static final int MAX_NAME_LENGTH = 80;

    private final AttemptLog<R> attempts;
    private final ExecutionStarter workflow;
    private final Function<R, String> firstName;
    private final Function<R, String> input;

    /**
     * @param firstName the run's first attempt's execution name ({@link #executionName} derives the others)
     * @param input     the execution input of the run's every attempt (a JSON object)
     */
    public WorkflowRestarts(AttemptLog<R> attempts, ExecutionStarter workflow, Function<R, String> firstName,
                            Function<R, String> input) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.input = Objects.requireNonNull(input, "input");
    }

    /** The execution name of an attempt: {@code first} for the first, {@code <first>-<n>} for the n-th. */
    public static String executionName(String first, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1, not " + attempt);
        }
        String name = attempt == 1 ? first : first + "-" + attempt;
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Execution name longer than " + MAX_NAME_LENGTH + ": " + name);
        }
        return name;
    }

    /** The execution name of the run's attempt {@code attempt}. */
    public String nameOf(R run, int attempt) {
        return executionName(firstName.apply(run), attempt);
    }

    /**
     * Makes sure the run's current attempt runs or ran: looks its execution up in {@code executions} (the same state
     * machine's). Running or succeeded: nothing. Never started (a start that failed after the run was recorded):
     * started. Ended unfinished (failed, timed out, stopped): the run moves on to the next attempt, which starts.
     * Returns the attempt started; empty when nothing was started (running, finished, the run is over, or a racing
     * restart moved it on first and starts its attempt).
     */
    public OptionalInt resume(R run, ExecutionLookup executions) {
        OptionalInt attempt = attempts.current(run);
        if (attempt.isEmpty()) {
            return OptionalInt.empty();
        }
        int current = attempt.getAsInt();
        Optional<ExecutionState> state = executions.state(nameOf(run, current));
        if (state.isEmpty()) {
            return start(run, current) ? OptionalInt.of(current) : OptionalInt.empty();
        }
        return state.get().endedUnfinished() ? restartAfter(run, current) : OptionalInt.empty();
    }

    /**
     * Starts attempt {@code attempt} of a run that has no execution of its name (a first start, or one whose start
     * failed), recorded first ({@link AttemptLog#touch}); nothing when the run moved on to another attempt or is over.
     * A start racing another of the same name starts one execution.
     */
    public boolean start(R run, int attempt) {
        if (!attempts.touch(run, attempt)) {
            return false;
        }
        startAttempt(run, attempt);
        return true;
    }

    /**
     * Restarts the run after attempt {@code ended} ended unfinished: moves it on to the next attempt and starts it.
     * Returns the attempt started, or empty when nothing was done: another restart moved it on first (and starts its
     * attempt), or the run is over.
     */
    public OptionalInt restartAfter(R run, int ended) {
        if (!attempts.advance(run, ended)) {
            return OptionalInt.empty();
        }
        startAttempt(run, ended + 1);
        return OptionalInt.of(ended + 1);
    }

    /** Starts the execution of attempt {@code attempt}, which the caller has recorded as the run's current one. */
    public void startAttempt(R run, int attempt) {
        workflow.start(nameOf(run, attempt), input.apply(run));
    }
}
