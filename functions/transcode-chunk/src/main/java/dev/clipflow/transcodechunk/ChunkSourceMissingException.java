package dev.clipflow.transcodechunk;

/** Thrown when the uploaded object a chunk should encode no longer exists (deleted since the probe). Permanent. */
public class ChunkSourceMissingException extends RuntimeException {
    public ChunkSourceMissingException(String message) {
        super(message);
    }
}
