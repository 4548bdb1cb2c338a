package dev.clipflow.social;

import java.time.Instant;
import java.util.Objects;

/** A viewer following a channel since {@code subscribedAt}. */
public record Subscription(String viewerId, String channelId, Instant subscribedAt) {
    public Subscription {
        Objects.requireNonNull(viewerId, "viewerId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(subscribedAt, "subscribedAt");
    }
}
