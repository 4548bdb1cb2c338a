package dev.clipflow.pipeline;

import java.util.Objects;

/**
 * What {@link ExecutionStarter#start} did.
 *
 * @param executionId    the execution's id (its ARN in AWS)
 * @param alreadyStarted true when an execution with this name existed, so nothing new started
 */
public record ExecutionStart(String executionId, boolean alreadyStarted) {
    public ExecutionStart {
        Objects.requireNonNull(executionId, "executionId");
    }
}
