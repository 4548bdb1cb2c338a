package dev.clipflow.social;

import dev.clipflow.batch.Backoff;
import dev.clipflow.batch.BatchWriter;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelRepository;
import dev.clipflow.paging.SignedCursors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fakes and builders shared by the social tests. */
final class SocialFixtures {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] KEY = "social-test-key-0123456789abcdef!".getBytes(StandardCharsets.UTF_8);

    final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    final InMemoryFeedStore feeds = new InMemoryFeedStore();
    final List<FanoutBatch> queued = new ArrayList<>();
    final Map<String, Channel> channels = new HashMap<>();
    final SignedCursors cursors = new SignedCursors(KEY, CLOCK, Duration.ofMinutes(10));

    ChannelRepository channelRepository() {
        return new ChannelRepository() {
            @Override
            public void create(Channel channel) {
                channels.put(channel.channelId(), channel);
            }

            @Override
            public Optional<Channel> find(String channelId) {
                return Optional.ofNullable(channels.get(channelId));
            }
        };
    }

    /** Videos the catalog no longer lists (made unlisted or private after they were fanned out). */
    final java.util.Set<String> unlisted = new java.util.HashSet<>();

    void channel(String channelId, String ownerId) {
        channels.put(channelId, new Channel(channelId, ownerId, "Channel " + channelId, null));
    }

    SubscriberFanout fanout(FanoutPolicy policy) {
        BatchWriter<FeedEntry> writer = new BatchWriter<>(feeds::putBatch, FeedStore.MAX_BATCH, Backoff.DEFAULT,
                d -> { }, () -> 0.5);
        return new SubscriberFanout(subscriptions, feeds, queued::addAll, policy, writer);
    }

    FeedReader reader(FanoutPolicy policy) {
        return new FeedReader(subscriptions, feeds, policy, cursors,
                ids -> ids.stream().filter(id -> !unlisted.contains(id)).collect(java.util.stream.Collectors.toSet()));
    }

    static PublishedVideo published(String videoId, String channelId, int minutesAgo) {
        return new PublishedVideo(videoId, channelId, NOW.minus(Duration.ofMinutes(minutesAgo)));
    }
}
