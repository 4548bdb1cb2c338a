package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.VideoStatus;

/**
 * Thrown when an edit changes the visibility of a video that no longer awaits its upload: the pipeline took the
 * visibility (the media prefix) from the record when the upload completed, and moving published media between
 * prefixes is not built yet (docs/adr/0014). Nothing of the edit is stored. Permanent.
 */
public class VideoVisibilityFixedException extends RuntimeException {
    private final String videoId;
    private final VideoStatus status;

    public VideoVisibilityFixedException(String videoId, VideoStatus status) {
        super("The visibility of video " + videoId + " can be changed only before its upload completes (it is "
                + status + "); changing it after is not supported yet");
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
