package dev.clipflow.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What discovery needs to know about a published video (read from the catalog, never written there). */
public record VideoFacts(String videoId, String channelId, Instant publishedAt, String title, String description,
                         List<String> tags) {
    public VideoFacts {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
