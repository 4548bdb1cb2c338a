package dev.clipflow.social;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link FeedStore} in memory (test double); counts putBatch calls. */
public final class InMemoryFeedStore implements FeedStore {
    final Map<String, Map<String, FeedItem>> feeds = new HashMap<>();
    final Map<String, Map<String, FeedItem>> timelines = new HashMap<>();
    int batchCalls;
    int timelineWrites;

    @Override
    public synchronized List<FeedEntry> putBatch(List<FeedEntry> entries) {
        if (entries.size() > MAX_BATCH) {
            throw new IllegalArgumentException("too many");
        }
        batchCalls++;
        entries.forEach(e -> feeds.computeIfAbsent(e.viewerId(), v -> new HashMap<>())
                .put(e.item().videoId(), e.item()));
        return List.of();
    }

    @Override
    public synchronized void putTimeline(FeedItem item) {
        timelineWrites++;
        timelines.computeIfAbsent(item.channelId(), c -> new HashMap<>()).put(item.videoId(), item);
    }

    @Override
    public synchronized int removeVideo(String videoId) {
        int removed = 0;
        for (Map<String, FeedItem> feed : feeds.values()) {
            removed += feed.remove(videoId) == null ? 0 : 1;
        }
        for (Map<String, FeedItem> timeline : timelines.values()) {
            removed += timeline.remove(videoId) == null ? 0 : 1;
        }
        return removed;
    }

    @Override
    public synchronized FeedSlice viewerFeed(String viewerId, FeedPosition before, int limit) {
        return slice(feeds.getOrDefault(viewerId, Map.of()), before, limit);
    }

    @Override
    public synchronized FeedSlice channelTimeline(String channelId, FeedPosition before, int limit) {
        return slice(timelines.getOrDefault(channelId, Map.of()), before, limit);
    }

    int entries() {
        return feeds.values().stream().mapToInt(Map::size).sum();
    }

    private static FeedSlice slice(Map<String, FeedItem> items, FeedPosition before, int limit) {
        TreeMap<String, FeedItem> sorted = new TreeMap<>();
        items.values().forEach(i -> sorted.put(i.position().sortKey(), i));
        var view = (before == null ? sorted : sorted.headMap(before.sortKey(), false)).descendingMap();
        List<FeedItem> out = new ArrayList<>(view.values()).subList(0, Math.min(limit, view.size()));
        return new FeedSlice(out, view.size() > limit);
    }
}
