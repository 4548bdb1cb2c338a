package dev.clipflow.ingest;

/**
 * Thrown when the ingest function's input is neither an S3 event notification nor an EventBridge
 * "Object Created" event, or lacks the bucket, key or size of the object. Permanent: the same
 * event fails the same way; after Lambda's asynchronous retries it lands in the ingest DLQ.
 */
public class IngestEventMalformedException extends RuntimeException {
    public IngestEventMalformedException(String message) {
        super(message);
    }

    public IngestEventMalformedException(String message, Throwable cause) {
        super(message, cause);
    }
}
