package dev.clipflow.social;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A queued fan-out command: write this video into these viewers' feeds. Carries the viewer ids
 * themselves, so processing a message twice writes the same keyed entries.
 */
public record FanoutBatch(int schemaVersion, String videoId, String channelId, Instant publishedAt,
                          List<String> viewerIds) {
    public static final int SCHEMA_VERSION = 1;

    public FanoutBatch {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        viewerIds = List.copyOf(viewerIds);
    }

    public FeedItem item() {
        return new FeedItem(videoId, channelId, publishedAt);
    }
}
