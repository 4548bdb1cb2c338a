package dev.clipflow.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TermIndex} in memory (test double); counts postings reads and applied changes. Its changes write the own
 * related list into {@code related} (as the DynamoDB index writes it in the same transaction).
 */
public final class InMemoryTermIndex implements TermIndex {
    final Map<String, IndexedVideo> docs = new HashMap<>();
    final Map<String, List<IndexedVideo>> postings = new HashMap<>();
    final Map<String, long[]> revisionAndVersion = new HashMap<>();
    final List<TermsChange> applied = new ArrayList<>();
    private final InMemoryRelatedStore related;
    int postingReads;

    public InMemoryTermIndex() {
        this(new InMemoryRelatedStore());
    }

    InMemoryTermIndex(InMemoryRelatedStore related) {
        this.related = related;
    }

    @Override
    public synchronized Optional<IndexedTerms> indexed(String videoId) {
        IndexedVideo doc = docs.get(videoId);
        long[] rv = revisionAndVersion.getOrDefault(videoId, new long[2]);
        return doc == null ? Optional.empty() : Optional.of(new IndexedTerms(doc, true, rv[0], rv[1]));
    }

    @Override
    public synchronized boolean apply(TermsChange change) {
        if (change.items() > TermsChange.MAX_ITEMS) {
            throw new IllegalArgumentException("too many items: " + change.items());
        }
        String id = change.after().videoId();
        long[] rv = revisionAndVersion.getOrDefault(id, new long[2]);
        RelatedList list = change.ownList();
        long listVersion = related.find(id).map(RelatedList::version).orElse(0L);
        if (!docs.containsKey(id) || rv[1] != change.expectedVersion()
                || list != null && listVersion != list.version()) {
            return false;
        }
        docs.get(id).weights().keySet().forEach(t -> postings.get(t).removeIf(v -> v.videoId().equals(id)));
        docs.put(id, change.after());
        change.after().weights().keySet().forEach(t -> postings.computeIfAbsent(t, k -> new ArrayList<>())
                .add(change.after()));
        revisionAndVersion.put(id, new long[] {change.revision(), rv[1] + 1});
        if (list != null) {
            related.save(list, list.version());
        }
        applied.add(change);
        return true;
    }

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
