package dev.clipflow.transcode;

/**
 * Thrown before downloading when WORK_DIR cannot hold the source and its outputs (raise the
 * function's ephemeral storage). Permanent: the same instance size fails the same way.
 */
public class TranscodeWorkDirTooSmallException extends RuntimeException {
    public TranscodeWorkDirTooSmallException(String message) {
        super(message);
    }
}
