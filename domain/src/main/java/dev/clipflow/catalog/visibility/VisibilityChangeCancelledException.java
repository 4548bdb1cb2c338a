package dev.clipflow.catalog.visibility;

import dev.clipflow.catalog.VideoStatus;

/**
 * Thrown by a visibility change's step when the video is no longer PUBLISHED: its owner deleted it meanwhile, and the
 * deletion wins (it deletes the media under both prefixes and un-lists the video itself). The state machine ends the
 * change on it; nothing of the step was left behind. Permanent.
 */
public class VisibilityChangeCancelledException extends RuntimeException {
    public VisibilityChangeCancelledException(String videoId, VideoStatus status) {
        super("Video " + videoId + " is " + status + ", not PUBLISHED: its visibility change stops (a deletion wins)");
    }
}
