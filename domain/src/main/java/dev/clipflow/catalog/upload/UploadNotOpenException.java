package dev.clipflow.catalog.upload;

/**
 * Thrown when a video's upload is asked to complete, abort or hand out part URLs but is not open:
 * it was already completed or aborted, or the video has moved on from AWAITING_UPLOAD.
 */
public class UploadNotOpenException extends RuntimeException {
    public UploadNotOpenException(String videoId) {
        super("The upload of video " + videoId + " is not open: it was already completed or aborted.");
    }
}
