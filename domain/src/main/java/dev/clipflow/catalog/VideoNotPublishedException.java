package dev.clipflow.catalog;

/**
 * Thrown when something that needs a published video (a watch, a related list, the pipeline's steps after
 * publish) is asked for a video that exists but is not PUBLISHED. Permanent; nothing is written.
 */
public class VideoNotPublishedException extends RuntimeException {
    private final String videoId;

    /** "Video {id} is not published": the words an API caller reads (the status is not theirs to see). */
    public VideoNotPublishedException(String videoId) {
        super("Video " + videoId + " is not published");
        this.videoId = videoId;
    }

    /** "Video {id} is {status}, not PUBLISHED": for the pipeline's logs and execution history. */
    public VideoNotPublishedException(String videoId, VideoStatus status) {
        super("Video " + videoId + " is " + status + ", not PUBLISHED");
        this.videoId = videoId;
    }

    public String videoId() {
        return videoId;
    }
}
