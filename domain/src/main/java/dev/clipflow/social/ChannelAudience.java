package dev.clipflow.social;

import java.util.Objects;

/**
 * A channel's subscriber count and whether it was ever fanned out as a celebrity channel. The flag
 * is sticky: once set, publishes are never pushed and feeds always pull the channel's timeline, so a
 * count hovering around the threshold cannot lose a video between push and pull.
 */
public record ChannelAudience(String channelId, long subscribers, boolean celebrity) {
    public ChannelAudience {
        Objects.requireNonNull(channelId, "channelId");
        if (subscribers < 0) {
            throw new IllegalArgumentException("subscribers cannot be negative: " + subscribers);
        }
    }

    public static ChannelAudience none(String channelId) {
        return new ChannelAudience(channelId, 0, false);
    }

    /** Whether feeds pull this channel at read time instead of receiving its publishes. */
    public boolean isPulled(FanoutPolicy policy) {
        return celebrity || subscribers >= policy.celebrityThreshold();
    }
}
