package dev.clipflow.catalog;

import java.util.Objects;

/** A creator's channel: who owns it and the limits its uploads must respect. */
public record Channel(String channelId, String ownerId, String name, ChannelLimits limits) {
    public Channel {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ownerId, "ownerId");
        limits = limits == null ? ChannelLimits.DEFAULT : limits;
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.equals(userId);
    }
}
