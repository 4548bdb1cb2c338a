package dev.clipflow.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
 *
 * <p>An edited video is re-indexed incrementally ({@link #reindex}): the difference of its indexed and its new term
 * vector is applied in one conditional transaction ({@link TermsChange}) that also rewrites its own related list;
 * neighbours' lists are left as they are (they age out as other videos are indexed).
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
        double norm = norm(weights, idf);

        boolean fresh = index.add(new IndexedVideo(video.videoId(), video.channelId(), video.publishedAt(), weights,
                norm));
        Optional<RelatedList> existing = related.find(video.videoId());
        if (!fresh && existing.isPresent()) {
            return new RelatedUpdate(video.videoId(), true, weights.size(), 0, existing.get().items().size(), 0);
        }

        Map<String, Double> scores = score(video.videoId(), weights, idf, norm);
        List<ScoredVideo> top = top(scores);
        int updated = 0;
        for (ScoredVideo neighbour : top) {
            if (offerTo(neighbour.videoId(), new ScoredVideo(video.videoId(), neighbour.score()))) {
                updated++;
            }
        }
        saveOwn(new RelatedList(video.videoId(), top, 0));
        return new RelatedUpdate(video.videoId(), false, weights.size(), scores.size(), top.size(), updated);
    }

    /**
     * Re-indexes a published video from its edited text: postings and document frequencies follow the difference
     * of the term vectors, the marker records the new terms at {@code edit.revision()}, and the video's own list is
     * scored again. An edit at or below the marker's revision (repeated or out of order) changes nothing and answers
     * {@code alreadyProcessed}. A difference too large for one transaction is applied in two: first the dropped
     * terms are taken out (a consistent entry under the kept terms alone), then the rest.
     *
     * @throws VideoNotIndexedException when the video has no index entry yet
     * @throws IndexedTermsUnknownException when its marker does not record its terms
     * @throws RelatedListConflictException when concurrent writers kept winning through every retry
     */
    public RelatedUpdate reindex(VideoTextEdited edit) {
        Map<String, Double> weights = TermVectors.of(edit.title(), edit.description(), edit.tags());
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            IndexedTerms current = index.indexed(edit.videoId())
                    .orElseThrow(() -> new VideoNotIndexedException(edit.videoId()));
            if (current.revision() >= edit.revision()) {
                return new RelatedUpdate(edit.videoId(), true, weights.size(), 0, 0, 0);
            }
            if (!current.termsKnown()) {
                throw new IndexedTermsUnknownException(edit.videoId());
            }
            IndexedVideo was = current.video();
            Set<String> own = was.weights().keySet();
            long n = Math.max(1, index.documentCount());
            Map<String, Long> df = index.documentFrequencies(weights.keySet());
            Map<String, Double> idf = new HashMap<>();
            weights.keySet().forEach(t -> idf.put(t,
                    Math.log(1.0 + (double) n / (df.getOrDefault(t, 0L) + (own.contains(t) ? 0 : 1)))));
            double norm = norm(weights, idf);
            IndexedVideo after = new IndexedVideo(was.videoId(), was.channelId(), was.publishedAt(), weights, norm);
            TermsChange whole = TermsChange.between(current, after, edit.revision(), RelatedList.empty(was.videoId()));
            if (whole.items() > TermsChange.MAX_ITEMS) {
                Set<String> kept = new HashSet<>(own);
                kept.retainAll(weights.keySet());
                IndexedVideo keptOnly = new IndexedVideo(was.videoId(), was.channelId(), was.publishedAt(),
                        was.weights().entrySet().stream().filter(e -> kept.contains(e.getKey()))
                                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), was.norm());
                index.apply(TermsChange.between(current, keptOnly, current.revision(), null));
                continue;
            }
            Map<String, Double> scores = score(was.videoId(), weights, idf, norm);
            List<ScoredVideo> top = top(scores);
            long listVersion = related.find(was.videoId()).map(RelatedList::version).orElse(0L);
            RelatedList list = new RelatedList(was.videoId(), top, listVersion);
            if (index.apply(TermsChange.between(current, after, edit.revision(), list))) {
                return new RelatedUpdate(was.videoId(), false, weights.size(), scores.size(), top.size(), 0);
            }
        }
        throw new RelatedListConflictException(edit.videoId());
    }

    private List<ScoredVideo> top(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .map(e -> new ScoredVideo(e.getKey(), Math.min(1.0, e.getValue())))
                .filter(s -> s.score() > 0)
                .sorted(ScoredVideo.BEST_FIRST)
                .limit(policy.topK())
                .toList();
    }

    private static double norm(Map<String, Double> weights, Map<String, Double> idf) {
        return Math.sqrt(weights.entrySet().stream()
                .mapToDouble(e -> Math.pow(e.getValue() * idf.get(e.getKey()), 2)).sum());
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
