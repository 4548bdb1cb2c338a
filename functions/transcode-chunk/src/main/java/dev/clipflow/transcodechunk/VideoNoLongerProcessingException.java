package dev.clipflow.transcodechunk;

/**
 * Thrown when a chunk finishes for a video that is no longer PROCESSING: another chunk failed and the
 * compensation step has set it FAILED (and deleted its outputs), or it was deleted. The chunk deletes what it
 * wrote before throwing, so nothing outlives the compensation. Permanent.
 */
public class VideoNoLongerProcessingException extends RuntimeException {
    public VideoNoLongerProcessingException(String message) {
        super(message);
    }
}
