package dev.clipflow.discovery;

import dev.clipflow.catalog.ListedVideos;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads a video's related videos: its stored content list and its top co-views, blended. */
public final class RelatedVideos {
    public static final int MAX_LIMIT = 50;
    /** Co-view partners read per video. */
    static final int CO_VIEWS_READ = 50;

    private final RelatedStore related;
    private final CoViewStore coViews;
    private final RelatedBlend blend;
    private final ListedVideos listed;

    /** @param listed the catalog's current listing; videos no longer listed are dropped on read */
    public RelatedVideos(RelatedStore related, CoViewStore coViews, RelatedBlend blend, ListedVideos listed) {
        this.listed = Objects.requireNonNull(listed, "listed");
        this.related = Objects.requireNonNull(related, "related");
        this.coViews = Objects.requireNonNull(coViews, "coViews");
        this.blend = Objects.requireNonNull(blend, "blend");
    }

    /**
     * At most {@code limit} related videos, best first (the video itself never among them), only videos listed now
     * ({@link ListedVideos}).
     */
    public List<ScoredVideo> of(String videoId, int limit) {
        Map<String, Double> content = new HashMap<>();
        related.find(videoId).ifPresent(l -> l.items().forEach(i -> content.put(i.videoId(), i.score())));
        Map<String, Long> counts = new HashMap<>();
        coViews.coViews(videoId, CO_VIEWS_READ).forEach(s -> counts.put(s.videoId(), (long) s.score()));
        Set<String> ids = new HashSet<>(content.keySet());
        ids.addAll(counts.keySet());
        ids.remove(videoId);
        if (ids.isEmpty()) {
            return List.of();
        }
        ids.retainAll(listed.listedAmong(ids));
        return ids.stream()
                .map(id -> new ScoredVideo(id, blend.score(content.getOrDefault(id, 0.0), counts.getOrDefault(id, 0L))))
                .sorted(ScoredVideo.BEST_FIRST)
                .limit(limit)
                .toList();
    }
}
