package dev.clipflow.relatedreindex;

/** Thrown when a queued message is not a {@code Video Edited} event of a schema version this code reads. Permanent. */
public class VideoEditedMessageMalformedException extends RuntimeException {
    public VideoEditedMessageMalformedException(String message) {
        super(message);
    }
}
