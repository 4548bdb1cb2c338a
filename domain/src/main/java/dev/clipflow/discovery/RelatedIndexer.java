package dev.clipflow.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Indexes a newly published video and updates related lists. Scoring: TF-IDF-weighted cosine,
 * {@code idf(t) = ln(1 + N / df(t))}, {@code score(q, c) = sum_t wq(t) wc(t) idf(t)^2 / (|q| |c|)}
 * over the shared terms, where {@code |c|} is the candidate's norm when it was indexed. Candidates
 * come only from the postings of the video's terms (most discriminative terms first, at most
 * {@link RelatedPolicy#postingsPerTerm()} each, at most {@link RelatedPolicy#maxCandidates()} in
 * all), so the work per publish does not grow with the catalog.
 *
 * <p>Idempotent: the index add is atomic and conditional, neighbours already holding the video are
 * skipped, and the video's own list is written last, so a re-run after a crash finishes the work
 * and a re-run after success changes nothing.
 */
public final class RelatedIndexer {
    static final int MAX_CONFLICT_RETRIES = 5;

    private final TermIndex index;
    private final RelatedStore related;
    private final RelatedPolicy policy;

    public RelatedIndexer(TermIndex index, RelatedStore related, RelatedPolicy policy) {
        this.index = Objects.requireNonNull(index, "index");
        this.related = Objects.requireNonNull(related, "related");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public RelatedUpdate publish(VideoFacts video) {
        Map<String, Double> weights = TermVectors.of(video.title(), video.description(), video.tags());
        long n = index.documentCount() + 1;
        Map<String, Long> df = index.documentFrequencies(weights.keySet());
        Map<String, Double> idf = new HashMap<>();
        weights.keySet().forEach(t -> idf.put(t, Math.log(1.0 + (double) n / (df.getOrDefault(t, 0L) + 1))));
        double norm = Math.sqrt(weights.entrySet().stream()
                .mapToDouble(e -> Math.pow(e.getValue() * idf.get(e.getKey()), 2)).sum());

        boolean fresh = index.add(new IndexedVideo(video.videoId(), video.channelId(), video.publishedAt(), weights,
                norm));
        Optional<RelatedList> existing = related.find(video.videoId());
        if (!fresh && existing.isPresent()) {
            return new RelatedUpdate(video.videoId(), true, weights.size(), 0, existing.get().items().size(), 0);
        }

        Map<String, Double> scores = score(video.videoId(), weights, idf, norm);
        List<ScoredVideo> top = scores.entrySet().stream()
                .map(e -> new ScoredVideo(e.getKey(), Math.min(1.0, e.getValue())))
                .filter(s -> s.score() > 0)
                .sorted(ScoredVideo.BEST_FIRST)
                .limit(policy.topK())
                .toList();
        int updated = 0;
        for (ScoredVideo neighbour : top) {
            if (offerTo(neighbour.videoId(), new ScoredVideo(video.videoId(), neighbour.score()))) {
                updated++;
            }
        }
        saveOwn(new RelatedList(video.videoId(), top, 0));
        return new RelatedUpdate(video.videoId(), false, weights.size(), scores.size(), top.size(), updated);
    }

    private Map<String, Double> score(String self, Map<String, Double> weights, Map<String, Double> idf, double norm) {
        if (norm == 0) {
            return Map.of();
        }
        List<String> terms = new ArrayList<>(weights.keySet());
        terms.sort((a, b) -> Double.compare(weights.get(b) * idf.get(b), weights.get(a) * idf.get(a)));
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String term : terms) {
            double q = weights.get(term) * idf.get(term) * idf.get(term) / norm;
            for (Posting p : index.postings(term, policy.postingsPerTerm())) {
                if (p.videoId().equals(self) || p.norm() <= 0) {
                    continue;
                }
                if (scores.containsKey(p.videoId()) || scores.size() < policy.maxCandidates()) {
                    scores.merge(p.videoId(), q * p.weight() / p.norm(), Double::sum);
                }
            }
        }
        return scores;
    }

    private boolean offerTo(String neighbourId, ScoredVideo candidate) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            RelatedList current = related.find(neighbourId).orElse(RelatedList.empty(neighbourId));
            Optional<RelatedList> next = current.offer(candidate, policy.topK());
            if (next.isEmpty()) {
                return false;
            }
            if (related.save(next.get(), current.version(), current.droppedIn(next.get()))) {
                return true;
            }
        }
        throw new RelatedListConflictException(neighbourId);
    }

    private void saveOwn(RelatedList list) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            RelatedList current = related.find(list.videoId()).orElse(RelatedList.empty(list.videoId()));
            if (related.save(list, current.version(), current.droppedIn(list))) {
                return;
            }
        }
        throw new RelatedListConflictException(list.videoId());
    }
}
