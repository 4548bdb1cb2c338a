package dev.clipflow.catalog.visibility;

/**
 * The steps of the {@code VideoVisibilityChange} workflow (statemachine/video-visibility.asl.json), in order; the
 * re-listing of a video made PUBLIC is the pipeline's own fan-out and recommendation functions, called by the state
 * machine between {@link #UNLIST} and {@link #FINISH}. Each is done at most once per change: recorded on the pending
 * change when done, skipped when repeated.
 */
public enum VisibilityStep {
    /** Copies the media to the other prefix ({@code videos/} or {@code restricted/}) when the change moves it. */
    COPY_MEDIA,
    /** Sets the visibility and the media keys in one conditional write and publishes Video Visibility Changed. */
    SWITCH,
    /** Deletes the media under the old prefix and invalidates its CDN path, when the change moved it. */
    DELETE_OLD_MEDIA,
    /** Takes a video that stops being PUBLIC out of feeds, related lists and the index (VideoUnlisting). */
    UNLIST,
    /** Ends the change: the pending change is removed from the record, so the owner may ask for another. */
    FINISH
}
