package dev.clipflow.e2e;

/** Thrown when a part cannot be uploaded through its presigned URL. */
public final class PartUploadFailedException extends RuntimeException {
    public PartUploadFailedException(String message) {
        super("Upload failed: " + message);
    }
}
