package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The port through which Task states do their work: a Lambda function, a service integration, a mock.
 * Implementations must be thread-safe (Map and Parallel call them concurrently).
 */
@FunctionalInterface
public interface TaskInvoker {

    /**
     * Runs one attempt of a task.
     *
     * @return the task result (before ResultSelector)
     * @throws TaskFailedException when the task fails with an ASL error name and cause
     */
    JsonNode invoke(TaskRequest request);
}
