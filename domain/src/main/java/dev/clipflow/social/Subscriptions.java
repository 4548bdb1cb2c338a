package dev.clipflow.social;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.ChannelRepository;
import dev.clipflow.catalog.Page;
import dev.clipflow.paging.PageSizeInvalidException;
import dev.clipflow.paging.SignedCursors;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Subscribe, unsubscribe, list and count. Channel facts come from the catalog through its port,
 * read only. Every check runs before anything is written.
 */
public final class Subscriptions {
    public static final int MAX_PAGE = 100;
    /** How many followed channels a feed read considers (the oldest-by-id beyond it are ignored). */
    public static final int MAX_FOLLOWED = 5000;
    private static final int FOLLOWED_PAGE = 1000;

    private final SubscriptionStore store;
    private final ChannelRepository channels;
    private final SignedCursors cursors;
    private final Clock clock;

    public Subscriptions(SubscriptionStore store, ChannelRepository channels, SignedCursors cursors, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Follows a channel; returns false when the viewer already did (nothing changes). Throws
     * {@link ChannelNotFoundException} for an unknown channel, {@link SelfSubscriptionException}
     * for the viewer's own channel.
     */
    public boolean subscribe(String viewerId, String channelId) {
        Channel channel = channels.find(channelId).orElseThrow(() -> new ChannelNotFoundException(channelId));
        if (channel.isOwnedBy(viewerId)) {
            throw new SelfSubscriptionException(channelId);
        }
        return store.subscribe(new Subscription(viewerId, channelId, clock.instant()));
    }

    /** Stops following; returns false when the viewer did not follow the channel (nothing changes). */
    public boolean unsubscribe(String viewerId, String channelId) {
        return store.unsubscribe(viewerId, channelId);
    }

    /** The viewer's subscriptions by channel id, {@code limit} 1 to {@value #MAX_PAGE}, signed cursor. */
    public Page<Subscription> list(String viewerId, String cursor, int limit) {
        PageSizeInvalidException.check(limit, 1, MAX_PAGE);
        String scope = "subscriptions|" + viewerId;
        String after = cursor == null ? null : cursors.open(scope, cursor);
        Page<Subscription> page = store.subscriptionsOf(viewerId, after, limit);
        return new Page<>(page.items(), page.nextCursor() == null ? null : cursors.issue(scope, page.nextCursor()));
    }

    /** A channel's subscriber count; {@link ChannelNotFoundException} for an unknown channel. */
    public long count(String channelId) {
        if (channels.find(channelId).isEmpty()) {
            throw new ChannelNotFoundException(channelId);
        }
        return store.audience(channelId).subscribers();
    }

    /** Every channel the viewer follows (at most {@value #MAX_FOLLOWED}). */
    public Set<String> followedChannels(String viewerId) {
        return followedChannels(store, viewerId);
    }

    static Set<String> followedChannels(SubscriptionStore store, String viewerId) {
        Set<String> out = new LinkedHashSet<>();
        String after = null;
        do {
            Page<Subscription> page = store.subscriptionsOf(viewerId, after, FOLLOWED_PAGE);
            page.items().forEach(s -> out.add(s.channelId()));
            after = page.nextCursor();
        } while (after != null && out.size() < MAX_FOLLOWED);
        return out;
    }
}
