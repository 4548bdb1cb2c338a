package dev.clipflow.discovery;

import dev.clipflow.catalog.ListedVideos;
import dev.clipflow.catalog.Page;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.paging.PageSizeInvalidException;
import dev.clipflow.paging.SignedCursors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A viewer's recommendations: the related videos (blended, {@link RelatedVideos}) of the {@value #SEEDS} videos they
 * watched most recently, weighted {@code 1 / (1 + i)} by recency rank {@code i}, plus the newest videos of their
 * subscriptions at {@value #SUBSCRIPTION_WEIGHT} x the same recency weight; minus everything they watched and every
 * video not listed now ({@link ListedVideos}). At most {@value #MAX_RANKED} are ranked; pages are offsets into that
 * ranking (recomputed per page, so a page may shift if the viewer watched in between) carried in a signed cursor.
 */
public final class Recommendations {
    public static final int MAX_PAGE = 50;
    static final int SEEDS = 10;
    static final int NEIGHBOURS_PER_SEED = 20;
    static final int SUBSCRIBED = 20;
    static final double SUBSCRIPTION_WEIGHT = 0.5;
    static final int MAX_RANKED = 200;

    private final CoViewStore history;
    private final RelatedVideos related;
    private final SubscribedVideos subscribed;
    private final SignedCursors cursors;
    private final ListedVideos listed;

    /** @param listed the catalog's current listing; only listed videos are recommended */
    public Recommendations(CoViewStore history, RelatedVideos related, SubscribedVideos subscribed,
                           SignedCursors cursors, ListedVideos listed) {
        this.listed = Objects.requireNonNull(listed, "listed");
        this.history = Objects.requireNonNull(history, "history");
        this.related = Objects.requireNonNull(related, "related");
        this.subscribed = Objects.requireNonNull(subscribed, "subscribed");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    public Page<ScoredVideo> page(String viewerId, String cursor, int limit) {
        PageSizeInvalidException.check(limit, 1, MAX_PAGE);
        String scope = "recommendations|" + viewerId;
        int offset = cursor == null ? 0 : offset(cursors.open(scope, cursor));
        List<ScoredVideo> ranked = rank(viewerId);
        int from = Math.min(offset, ranked.size());
        int to = Math.min(ranked.size(), from + limit);
        String next = to < ranked.size() ? cursors.issue(scope, Integer.toString(to)) : null;
        return new Page<>(ranked.subList(from, to), next);
    }

    List<ScoredVideo> rank(String viewerId) {
        Map<String, Double> scores = new HashMap<>();
        List<String> seeds = history.recentWatches(viewerId, SEEDS);
        for (int i = 0; i < seeds.size(); i++) {
            double weight = 1.0 / (1 + i);
            for (ScoredVideo n : related.of(seeds.get(i), NEIGHBOURS_PER_SEED)) {
                scores.merge(n.videoId(), weight * n.score(), Double::sum);
            }
        }
        List<String> fresh = subscribed.recent(viewerId, SUBSCRIBED);
        for (int j = 0; j < fresh.size(); j++) {
            scores.merge(fresh.get(j), SUBSCRIPTION_WEIGHT / (1 + j), Double::sum);
        }
        if (scores.isEmpty()) {
            return List.of();
        }
        Set<String> watched = history.watched(viewerId, scores.keySet());
        Set<String> shown = listed.listedAmong(scores.keySet());
        return scores.entrySet().stream()
                .filter(e -> !watched.contains(e.getKey()) && shown.contains(e.getKey()))
                .map(e -> new ScoredVideo(e.getKey(), e.getValue()))
                .sorted(ScoredVideo.BEST_FIRST)
                .limit(MAX_RANKED)
                .toList();
    }

    private static int offset(String raw) {
        try {
            int offset = Integer.parseInt(raw);
            if (offset >= 0 && offset <= MAX_RANKED) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CursorInvalidException();
    }
}
