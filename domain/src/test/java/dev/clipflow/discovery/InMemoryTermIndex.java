package dev.clipflow.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link TermIndex} in memory (test double); counts postings reads. */
public final class InMemoryTermIndex implements TermIndex {
    final Map<String, IndexedVideo> docs = new HashMap<>();
    final Map<String, List<IndexedVideo>> postings = new HashMap<>();
    int postingReads;

    @Override
    public synchronized boolean add(IndexedVideo video) {
        if (docs.putIfAbsent(video.videoId(), video) != null) {
            return false;
        }
        video.weights().keySet().forEach(t -> postings.computeIfAbsent(t, k -> new ArrayList<>()).add(video));
        return true;
    }

    @Override
    public synchronized boolean remove(String videoId) {
        IndexedVideo video = docs.remove(videoId);
        if (video == null) {
            return false;
        }
        video.weights().keySet().forEach(t -> postings.get(t).removeIf(v -> v.videoId().equals(videoId)));
        return true;
    }

    @Override
    public synchronized List<Posting> postings(String term, int limit) {
        postingReads++;
        return postings.getOrDefault(term, List.of()).stream()
                .sorted(Comparator.comparing(IndexedVideo::publishedAt).reversed())
                .limit(limit)
                .map(v -> new Posting(v.videoId(), v.weights().get(term), v.norm()))
                .toList();
    }

    @Override
    public synchronized Map<String, Long> documentFrequencies(Collection<String> terms) {
        Map<String, Long> out = new HashMap<>();
        terms.forEach(t -> out.put(t, (long) postings.getOrDefault(t, List.of()).size()));
        return out;
    }

    @Override
    public synchronized long documentCount() {
        return docs.size();
    }
}
