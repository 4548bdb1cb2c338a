package dev.clipflow.aws.s3;

/**
 * Thrown when uploading a stage's outputs does not finish within the upload's own deadline (what the invocation
 * has left after encoding, less the time to answer): the uploads still in flight are stopped and the function
 * fails with this name instead of being killed by Lambda's timeout mid-upload. Permanent (not retried: a retry
 * would encode again to upload the same bytes); the compensation step deletes what was uploaded.
 */
public class OutputUploadTimeoutException extends RuntimeException {
    public OutputUploadTimeoutException(String message) {
        super(message);
    }
}
