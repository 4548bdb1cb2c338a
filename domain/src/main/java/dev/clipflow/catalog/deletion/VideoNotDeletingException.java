package dev.clipflow.catalog.deletion;

import dev.clipflow.catalog.VideoStatus;

/** Thrown when a deletion step is asked for a video that nobody asked to delete (its status is not DELETING). */
public class VideoNotDeletingException extends RuntimeException {
    public VideoNotDeletingException(String videoId, VideoStatus status) {
        super("Video " + videoId + " is " + status + ", not DELETING: no deletion step runs on it");
    }
}
