package dev.clipflow.catalog;

/**
 * Thrown when a status change is not allowed from the video's current status (for example
 * publishing a video that already FAILED). Permanent: retrying cannot make it valid.
 */
public class VideoTransitionException extends RuntimeException {
    public VideoTransitionException(String videoId, VideoStatus from, VideoStatus to) {
        super("Video " + videoId + " cannot move from " + from + " to " + to);
    }
}
