package dev.clipflow.social;

import java.util.Objects;

/** One video pushed into one viewer's feed; keyed by (viewerId, videoId), so writing it twice stores it once. */
public record FeedEntry(String viewerId, FeedItem item) {
    public FeedEntry {
        Objects.requireNonNull(viewerId, "viewerId");
        Objects.requireNonNull(item, "item");
    }
}
