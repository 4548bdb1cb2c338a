package dev.clipflow.discovery;

import java.util.List;
import java.util.Objects;

/**
 * A published video's new text, as the catalog's {@code Video Edited} event carries it (read, never written there).
 *
 * @param revision the catalog's edit revision of this text (1 for the first edit)
 */
public record VideoTextEdited(String videoId, long revision, String title, String description, List<String> tags) {
    public VideoTextEdited {
        Objects.requireNonNull(videoId, "videoId");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
    }
}
