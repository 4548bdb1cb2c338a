package dev.clipflow.discovery;

/**
 * Thrown when a watch is recorded (or a related list asked) for a video that exists but is not
 * published. Permanent; nothing is written.
 */
public class VideoNotPublishedException extends RuntimeException {
    public VideoNotPublishedException(String videoId) {
        super("Video " + videoId + " is not published");
    }
}
