package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Video;
import java.time.Instant;
import java.util.Objects;

/**
 * A video as an edit left it.
 *
 * @param revision the record's edit counter after this edit: 1 for a video's first edit, one more for each next
 * @param editedAt when the edit was stored
 */
public record EditedVideo(Video video, long revision, Instant editedAt) {
    public EditedVideo {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(editedAt, "editedAt");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
    }
}
