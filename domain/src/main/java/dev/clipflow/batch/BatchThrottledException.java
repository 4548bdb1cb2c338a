package dev.clipflow.batch;

import dev.clipflow.pipeline.TransientStageException;

/**
 * Thrown by a {@link BatchSink} when the store throttled the whole call (provisioned throughput
 * exceeded, request limit). Transient: {@link BatchWriter} backs off and retries it.
 */
public class BatchThrottledException extends TransientStageException {
    public BatchThrottledException(String message, Throwable cause) {
        super(message, cause);
    }

    public BatchThrottledException(String message) {
        super(message);
    }
}
