package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Video;
import java.time.Instant;
import java.util.Objects;

/**
 * A video as an edit left it.
 *
 * @param revision the record's edit counter after this edit: 1 for a video's first edit, one more for each next
 * @param editedAt when the edit was stored
 * @param visibilityChangeStarted the change of a PUBLISHED video's visibility this edit asked for and whose workflow
 *                                it started, or asked for again (its workflow restarted if it ended unfinished);
 *                                null when none
 */
public record EditedVideo(Video video, long revision, Instant editedAt,
                          Video.VisibilityChange visibilityChangeStarted) {
    public EditedVideo {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(editedAt, "editedAt");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
    }

    /** An edit that started no visibility change. */
    public EditedVideo(Video video, long revision, Instant editedAt) {
        this(video, revision, editedAt, null);
    }

    /** This edit, as one that started {@code change}'s workflow. */
    public EditedVideo startedChange(Video.VisibilityChange change) {
        return new EditedVideo(video, revision, editedAt, change);
    }
}
