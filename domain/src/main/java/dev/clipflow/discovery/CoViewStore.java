package dev.clipflow.discovery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The discovery context's store of viewers' watch histories and item-to-item co-view counts (port). */
public interface CoViewStore {
    /** The most co-view pairs {@link #recordWatch} counts at once (window size). */
    int MAX_WINDOW = 40;

    /**
     * Records that {@code viewerId} watched {@code videoId} at {@code at}. The first time, it also
     * counts one co-view for each pair (video, other) and (other, video) with {@code other} in
     * {@code window} (at most {@value #MAX_WINDOW}), atomically with the history entry; returns true.
     * A repeated watch only refreshes the watch time, counts nothing, and returns false.
     */
    boolean recordWatch(String viewerId, String videoId, Instant at, List<String> window);

    /**
     * Removes every co-view count of {@code videoId}, both ways ((video, other) and (other, video)); returns how many
     * pairs. Idempotent.
     */
    int removeCoViews(String videoId);

    /**
     * Removes {@code videoId} from the history of every viewer who watched it (found from the reverse references
     * the first watch writes); returns how many. Idempotent.
     */
    int removeWatches(String videoId);

    /** The viewer's most recently watched videos, newest first, at most {@code limit}. */
    List<String> recentWatches(String viewerId, int limit);

    /** Which of {@code videoIds} the viewer has watched. */
    Set<String> watched(String viewerId, Collection<String> videoIds);

    /** The videos most often watched with {@code videoId}, count as score, highest first, at most {@code limit}. */
    List<ScoredVideo> coViews(String videoId, int limit);
}
