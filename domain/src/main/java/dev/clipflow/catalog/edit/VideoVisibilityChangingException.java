package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Visibility;

/**
 * Thrown when an edit asks for a visibility while another change of the video's visibility is in progress (the
 * {@code VideoVisibilityChange} workflow has not finished), or the visibility changed between the edit's read and its
 * write. Nothing of the edit is stored; asking again once the change is done works. Permanent for this request.
 */
public class VideoVisibilityChangingException extends RuntimeException {
    private final transient Visibility changingTo;

    /** @param changingTo the visibility the change in progress goes to; null when it is not known */
    public VideoVisibilityChangingException(String videoId, Visibility changingTo) {
        super("The visibility of video " + videoId + " is changing" + (changingTo == null ? "" : " to " + changingTo)
                + "; ask again when that change is done");
        this.changingTo = changingTo;
    }

    /** The visibility the change in progress goes to; null when it is not known. */
    public Visibility changingTo() {
        return changingTo;
    }
}
