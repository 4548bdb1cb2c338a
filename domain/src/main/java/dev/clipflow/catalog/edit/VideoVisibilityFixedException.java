package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.VideoStatus;

/**
 * Thrown when an edit changes the visibility of a video whose media is being written or was never written: PROCESSING
 * (the pipeline took the visibility, the media prefix, from the record when the upload completed) or FAILED. A
 * PUBLISHED video's visibility changes through the visibility change workflow (docs/adr/0014). Nothing of the edit is
 * stored. Permanent.
 */
public class VideoVisibilityFixedException extends RuntimeException {
    private final String videoId;
    private final VideoStatus status;

    public VideoVisibilityFixedException(String videoId, VideoStatus status) {
        super("The visibility of video " + videoId + " can be changed before its upload completes or once it is "
                + "PUBLISHED, not while it is " + status);
        this.videoId = videoId;
        this.status = status;
    }

    public String videoId() {
        return videoId;
    }

    /** The video's status when the edit was refused. */
    public VideoStatus status() {
        return status;
    }
}
