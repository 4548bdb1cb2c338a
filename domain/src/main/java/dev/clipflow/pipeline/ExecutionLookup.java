package dev.clipflow.pipeline;

import java.util.Optional;

/**
 * Looks up executions of one state machine by name (port): Step Functions' {@code DescribeExecution} in AWS and in
 * the local runtime. Failures that may pass on retry are thrown as {@link TransientStageException}.
 */
public interface ExecutionLookup {

    /** The state of execution {@code name}; empty when there is none of that name (never started, or expired). */
    Optional<ExecutionState> state(String name);
}
