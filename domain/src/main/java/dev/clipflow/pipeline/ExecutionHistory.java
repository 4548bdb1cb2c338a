package dev.clipflow.pipeline;

import java.util.Map;

/**
 * Reads what an execution of the pipeline has done so far (port): Step Functions'
 * {@code GetExecutionHistory} in AWS. Used to count the state transitions Standard workflows are
 * billed for.
 */
public interface ExecutionHistory {

    /**
     * State transitions so far, per state name, in the order the states were first entered: one per
     * time the state was entered, plus one per retry of its task (AWS bills retries as transitions).
     * Failures that may pass on retry are thrown as {@link TransientStageException}.
     */
    Map<String, Integer> transitionsByState(String executionId);
}
