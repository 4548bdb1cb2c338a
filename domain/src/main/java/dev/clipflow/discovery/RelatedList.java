package dev.clipflow.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A video's stored top-K content-related videos, best first, with an optimistic-locking version
 * (0 = not stored yet).
 */
public record RelatedList(String videoId, List<ScoredVideo> items, long version) {
    public RelatedList {
        Objects.requireNonNull(videoId, "videoId");
        items = items.stream().sorted(ScoredVideo.BEST_FIRST).toList();
    }

    public static RelatedList empty(String videoId) {
        return new RelatedList(videoId, List.of(), 0);
    }

    public boolean contains(String otherId) {
        return items.stream().anyMatch(i -> i.videoId().equals(otherId));
    }

    /** The videos of this list that {@code next} no longer holds. */
    public List<String> droppedIn(RelatedList next) {
        return items.stream().map(ScoredVideo::videoId).filter(v -> !next.contains(v)).toList();
    }

    /** This list without {@code otherId}, empty when it does not hold it. */
    public Optional<RelatedList> without(String otherId) {
        if (!contains(otherId)) {
            return Optional.empty();
        }
        return Optional.of(new RelatedList(videoId, items.stream().filter(i -> !i.videoId().equals(otherId)).toList(),
                version));
    }

    public Optional<ScoredVideo> weakest() {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.getLast());
    }

    /**
     * This list with {@code candidate} inserted if the list has fewer than {@code k} items or the
     * candidate beats the weakest; empty when it does not get in (or is already there).
     */
    public Optional<RelatedList> offer(ScoredVideo candidate, int k) {
        if (contains(candidate.videoId()) || candidate.videoId().equals(videoId)) {
            return Optional.empty();
        }
        if (items.size() >= k && ScoredVideo.BEST_FIRST.compare(candidate, items.getLast()) >= 0) {
            return Optional.empty();
        }
        List<ScoredVideo> next = new ArrayList<>(items);
        next.add(candidate);
        next.sort(ScoredVideo.BEST_FIRST);
        return Optional.of(new RelatedList(videoId, next.subList(0, Math.min(k, next.size())), version));
    }
}
