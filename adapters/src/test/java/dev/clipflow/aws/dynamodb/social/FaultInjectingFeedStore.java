package dev.clipflow.aws.dynamodb.social;

import dev.clipflow.batch.BatchThrottledException;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.FeedPosition;
import dev.clipflow.social.FeedSlice;
import dev.clipflow.social.FeedStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A decorator of our {@link FeedStore} port (not of the SDK): its first {@code throttledCalls}
 * {@link #putBatch} calls are refused as throttled, the next {@code partialCalls} write only the first
 * half of the batch through the real store and hand the rest back as unprocessed.
 */
final class FaultInjectingFeedStore implements FeedStore {
    private final FeedStore delegate;
    private final AtomicInteger throttledCalls;
    private final AtomicInteger partialCalls;
    final AtomicInteger calls = new AtomicInteger();

    FaultInjectingFeedStore(FeedStore delegate, int throttledCalls, int partialCalls) {
        this.delegate = delegate;
        this.throttledCalls = new AtomicInteger(throttledCalls);
        this.partialCalls = new AtomicInteger(partialCalls);
    }

    @Override
    public List<FeedEntry> putBatch(List<FeedEntry> entries) {
        calls.incrementAndGet();
        if (throttledCalls.getAndDecrement() > 0) {
            throw new BatchThrottledException("injected: ProvisionedThroughputExceeded");
        }
        if (partialCalls.getAndDecrement() > 0 && entries.size() > 1) {
            int half = entries.size() / 2;
            List<FeedEntry> left = delegate.putBatch(entries.subList(0, half));
            return java.util.stream.Stream.concat(left.stream(), entries.subList(half, entries.size()).stream())
                    .toList();
        }
        return delegate.putBatch(entries);
    }

    @Override
    public void putTimeline(FeedItem item) {
        delegate.putTimeline(item);
    }

    @Override
    public int removeVideo(String videoId) {
        return delegate.removeVideo(videoId);
    }

    @Override
    public FeedSlice viewerFeed(String viewerId, FeedPosition before, int limit) {
        return delegate.viewerFeed(viewerId, before, limit);
    }

    @Override
    public FeedSlice channelTimeline(String channelId, FeedPosition before, int limit) {
        return delegate.channelTimeline(channelId, before, limit);
    }
}
