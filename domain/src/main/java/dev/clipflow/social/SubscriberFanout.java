package dev.clipflow.social;

import dev.clipflow.batch.BatchWriter;
import dev.clipflow.catalog.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Delivers a publish to subscribers' feeds according to the {@link FanoutPolicy}: the video always
 * joins its channel's timeline; then nothing (no subscribers), inline batched writes, queued batches
 * of viewer ids, or — for celebrity channels — nothing pushed (the channel is flagged, and feeds
 * pull its timeline). Every write is keyed, so a repeated fan-out creates nothing twice.
 */
public final class SubscriberFanout {
    /** Subscribers read per store call while fanning out. */
    static final int SUBSCRIBER_PAGE = 1000;

    private final SubscriptionStore subscriptions;
    private final FeedStore feeds;
    private final FanoutQueue queue;
    private final FanoutPolicy policy;
    private final BatchWriter<FeedEntry> writer;

    /** {@code writer} writes through {@code feeds::putBatch}, {@link FeedStore#MAX_BATCH} per call. */
    public SubscriberFanout(SubscriptionStore subscriptions, FeedStore feeds, FanoutQueue queue, FanoutPolicy policy,
                      BatchWriter<FeedEntry> writer) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public FanoutResult fanOut(PublishedVideo video) {
        feeds.putTimeline(video.item());
        ChannelAudience audience = subscriptions.audience(video.channelId());
        FanoutMode mode = policy.modeFor(audience);
        return switch (mode) {
            case NONE -> result(video, mode, audience, 0, 0);
            case CELEBRITY -> {
                if (!audience.celebrity()) {
                    subscriptions.markCelebrity(video.channelId());
                }
                yield result(video, mode, audience, 0, 0);
            }
            case INLINE -> result(video, mode, audience, inline(video), 0);
            case QUEUED -> result(video, mode, audience, 0, queued(video));
            case NOT_LISTED -> throw new IllegalStateException("The policy never chooses " + mode);
        };
    }

    /** Writes one queued batch into its viewers' feeds; returns the entries written. */
    public int deliver(FanoutBatch batch) {
        FeedItem item = batch.item();
        List<FeedEntry> entries = batch.viewerIds().stream().map(v -> new FeedEntry(v, item)).toList();
        return writer.writeAll(entries).items();
    }

    private int inline(PublishedVideo video) {
        FeedItem item = video.item();
        int written = 0;
        String after = null;
        do {
            Page<String> page = subscriptions.subscribers(video.channelId(), after, SUBSCRIBER_PAGE);
            List<FeedEntry> entries = page.items().stream().map(v -> new FeedEntry(v, item)).toList();
            written += writer.writeAll(entries).items();
            after = page.nextCursor();
        } while (after != null);
        return written;
    }

    private int queued(PublishedVideo video) {
        int sent = 0;
        String after = null;
        List<String> pending = new ArrayList<>();
        do {
            Page<String> page = subscriptions.subscribers(video.channelId(), after, SUBSCRIBER_PAGE);
            pending.addAll(page.items());
            after = page.nextCursor();
            List<FanoutBatch> batches = new ArrayList<>();
            while (pending.size() >= policy.queueBatchSize() || (after == null && !pending.isEmpty())) {
                int n = Math.min(policy.queueBatchSize(), pending.size());
                batches.add(new FanoutBatch(FanoutBatch.SCHEMA_VERSION, video.videoId(), video.channelId(),
                        video.publishedAt(), pending.subList(0, n)));
                pending = new ArrayList<>(pending.subList(n, pending.size()));
            }
            if (!batches.isEmpty()) {
                queue.send(batches);
                sent += batches.size();
            }
        } while (after != null);
        return sent;
    }

    private static FanoutResult result(PublishedVideo v, FanoutMode mode, ChannelAudience a, int written, int queued) {
        return new FanoutResult(v.videoId(), v.channelId(), mode, a.subscribers(), written, queued);
    }
}
