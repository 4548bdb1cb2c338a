package dev.clipflow.pipeline;

/** Where a state machine execution stands (Step Functions' execution statuses, as far as a caller needs them). */
public enum ExecutionState {
    /** Running, or waiting to be redriven: it may still finish. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED;

    /** Whether the execution is over without having finished its work (failed, timed out or stopped). */
    public boolean endedUnfinished() {
        return this == FAILED || this == TIMED_OUT || this == ABORTED;
    }
}
