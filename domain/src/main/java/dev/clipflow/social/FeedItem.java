package dev.clipflow.social;

import java.time.Instant;
import java.util.Objects;

/** A published video as it appears in a feed or a channel's timeline. */
public record FeedItem(String videoId, String channelId, Instant publishedAt) {
    public FeedItem {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    public FeedPosition position() {
        return new FeedPosition(publishedAt, videoId);
    }
}
