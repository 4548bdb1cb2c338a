package dev.clipflow.social;

import java.time.Instant;
import java.util.Objects;

/** A video that has just been published, as the fan-out needs it. */
public record PublishedVideo(String videoId, String channelId, Instant publishedAt) {
    public PublishedVideo {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    public FeedItem item() {
        return new FeedItem(videoId, channelId, publishedAt);
    }
}
