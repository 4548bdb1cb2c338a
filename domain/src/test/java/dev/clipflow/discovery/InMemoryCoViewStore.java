package dev.clipflow.discovery;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A {@link CoViewStore} in memory (test double). */
public class InMemoryCoViewStore implements CoViewStore {
    final Map<String, Map<String, Instant>> history = new HashMap<>();
    final Map<String, Map<String, Long>> pairs = new HashMap<>();

    @Override
    public synchronized boolean recordWatch(String viewerId, String videoId, Instant at, List<String> window) {
        Map<String, Instant> h = history.computeIfAbsent(viewerId, v -> new HashMap<>());
        boolean first = !h.containsKey(videoId);
        h.put(videoId, at);
        if (first) {
            for (String other : window) {
                pairs.computeIfAbsent(videoId, k -> new HashMap<>()).merge(other, 1L, Long::sum);
                pairs.computeIfAbsent(other, k -> new HashMap<>()).merge(videoId, 1L, Long::sum);
            }
        }
        return first;
    }

    @Override
    public synchronized int removeCoViews(String videoId) {
        Map<String, Long> own = pairs.remove(videoId);
        if (own == null) {
            return 0;
        }
        own.keySet().forEach(other -> pairs.getOrDefault(other, new HashMap<>()).remove(videoId));
        return own.size();
    }

    @Override
    public synchronized int removeWatches(String videoId) {
        int removed = 0;
        for (Map<String, Instant> h : history.values()) {
            removed += h.remove(videoId) == null ? 0 : 1;
        }
        return removed;
    }

    @Override
    public synchronized List<String> recentWatches(String viewerId, int limit) {
        return history.getOrDefault(viewerId, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed())
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized Set<String> watched(String viewerId, Collection<String> videoIds) {
        Map<String, Instant> h = history.getOrDefault(viewerId, Map.of());
        return videoIds.stream().filter(h::containsKey).collect(Collectors.toSet());
    }

    @Override
    public synchronized List<ScoredVideo> coViews(String videoId, int limit) {
        return pairs.getOrDefault(videoId, Map.of()).entrySet().stream()
                .map(e -> new ScoredVideo(e.getKey(), e.getValue()))
                .sorted(ScoredVideo.BEST_FIRST.thenComparing(Comparator.comparing(ScoredVideo::videoId)))
                .limit(limit).toList();
    }
}
