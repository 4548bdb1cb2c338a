package dev.clipflow.pipeline;

/**
 * A failure that may succeed when retried: a throttled or unavailable dependency, a timeout talking
 * to storage. The state machine retries this error name with exponential backoff and jitter; every
 * other exception thrown by a pipeline function is treated as permanent.
 */
public class TransientStageException extends RuntimeException {
    public TransientStageException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientStageException(String message) {
        super(message);
    }
}
