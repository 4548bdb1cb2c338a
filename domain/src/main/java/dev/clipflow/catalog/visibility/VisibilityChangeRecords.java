package dev.clipflow.catalog.visibility;

import dev.clipflow.catalog.StepLog;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.pipeline.Rendition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's record of a visibility change, on the video's own record (port): the pending change ({@link
 * Video#visibilityChange()}, written by the owner's edit) with the steps done, the switch, the end.
 */
public interface VisibilityChangeRecords {

    /**
     * The steps done of the change requested at {@code requestedAt}; every step when that change is no longer in
     * progress (finished, so a late repeat of one of its steps does nothing). Recording a step of a change no longer
     * in progress does nothing.
     */
    StepLog<VisibilityStep> steps(Instant requestedAt);

    /**
     * Sets the video's visibility to {@code to} and its renditions and assets (their keys under the new prefix), in
     * one conditional write: only while it is PUBLISHED, has another visibility and the change requested at {@code
     * requestedAt} is in progress (which stays pending). Returns the video as written; empty when nothing was written
     * (a repeat: the video has {@code to} already, or the change is over).
     *
     * @throws VisibilityChangeCancelledException when the video is being deleted or deleted
     */
    Optional<Video> switchVisibility(String videoId, Instant requestedAt, Visibility to, List<Rendition> renditions,
                                     Video.PublishedAssets assets);

    /** Removes the pending change if it is the one requested at {@code requestedAt}; otherwise does nothing. */
    void finish(String videoId, Instant requestedAt);
}
