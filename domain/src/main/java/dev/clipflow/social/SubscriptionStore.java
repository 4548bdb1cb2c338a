package dev.clipflow.social;

import dev.clipflow.catalog.Page;
import java.util.Collection;
import java.util.Map;

/**
 * The social context's store of subscriptions and per-channel audience counters (port). Positions
 * are raw store positions; {@link Subscriptions} signs them before they leave the service.
 */
public interface SubscriptionStore {

    /**
     * Stores the subscription and counts one subscriber, atomically; returns false and changes
     * nothing when the viewer already follows the channel.
     */
    boolean subscribe(Subscription subscription);

    /** Removes the subscription and counts one subscriber less, atomically; false when there was none. */
    boolean unsubscribe(String viewerId, String channelId);

    boolean isSubscribed(String viewerId, String channelId);

    /**
     * The channels a viewer follows, ordered by channel id, at most {@code limit}, after the
     * channel id {@code after} (null for the first page). {@link Page#nextCursor()} is the last
     * channel id of the page, or null on the last page.
     */
    Page<Subscription> subscriptionsOf(String viewerId, String after, int limit);

    /** A channel's subscribers' viewer ids, ordered, after {@code after} (null first); cursor as above. */
    Page<String> subscribers(String channelId, String after, int limit);

    /** The channel's counter; {@link ChannelAudience#none} when nobody ever subscribed. */
    ChannelAudience audience(String channelId);

    /** The counters of several channels, keyed by channel id; absent channels map to none. */
    Map<String, ChannelAudience> audiences(Collection<String> channelIds);

    /** Sets the channel's sticky celebrity flag (idempotent). */
    void markCelebrity(String channelId);
}
