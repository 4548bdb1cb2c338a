package dev.clipflow.batch;

import dev.clipflow.pipeline.TransientStageException;

/**
 * Thrown by {@link BatchWriter} when items are still unwritten after the backoff's last attempt.
 * Transient: the caller's own retry (Step Functions, an SQS redelivery) may run it again, and
 * since writes are keyed, the items already written are not duplicated.
 */
public class BatchWriteIncompleteException extends TransientStageException {
    private final int unwritten;

    public BatchWriteIncompleteException(String message, int unwritten) {
        super(message);
        this.unwritten = unwritten;
    }

    /** How many items were left unwritten. */
    public int unwritten() {
        return unwritten;
    }
}
