package dev.clipflow.unlisting;

import dev.clipflow.discovery.CoViewStore;
import dev.clipflow.discovery.RelatedList;
import dev.clipflow.discovery.RelatedListConflictException;
import dev.clipflow.discovery.RelatedStore;
import dev.clipflow.discovery.TermIndex;
import dev.clipflow.social.FeedStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes a video out of every social and discovery structure that holds it (docs/adr/0014): every feed and its
 * channel's timeline (social), the related lists of other videos and its own, the term index (postings, document
 * frequencies, marker, document count), co-views both ways and watch histories (discovery). Each holder is found
 * from the reverse references written with the forward entries, never by a scan.
 *
 * <p>Idempotent, step by step: every step removes what is left, so a call after a partial failure finishes the work
 * and a call after success changes nothing. The catalog record and the media are not touched (the deletion workflow's
 * other steps).
 */
public final class VideoUnlisting {
    static final int MAX_CONFLICT_RETRIES = 5;

    private final FeedStore feeds;
    private final RelatedStore related;
    private final TermIndex index;
    private final CoViewStore coViews;

    public VideoUnlisting(FeedStore feeds, RelatedStore related, TermIndex index, CoViewStore coViews) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.related = Objects.requireNonNull(related, "related");
        this.index = Objects.requireNonNull(index, "index");
        this.coViews = Objects.requireNonNull(coViews, "coViews");
    }

    public UnlistReport unlist(String videoId) {
        Objects.requireNonNull(videoId, "videoId");
        int feedEntries = feeds.removeVideo(videoId);
        int relatedLists = 0;
        for (String holder : related.holdersOf(videoId)) {
            relatedLists += takeOutOf(holder, videoId) ? 1 : 0;
        }
        related.delete(videoId);
        boolean unindexed = index.remove(videoId);
        int coViewPairs = coViews.removeCoViews(videoId);
        int watches = coViews.removeWatches(videoId);
        return new UnlistReport(videoId, feedEntries, relatedLists, unindexed, coViewPairs, watches);
    }

    /** Removes {@code videoId} from {@code holder}'s list and drops its reference; true when the list held it. */
    private boolean takeOutOf(String holder, String videoId) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Optional<RelatedList> current = related.find(holder);
            Optional<RelatedList> next = current.flatMap(l -> l.without(videoId));
            if (next.isEmpty()) {
                related.forget(videoId, holder);
                return false;
            }
            if (related.save(next.get(), current.get().version(), List.of(videoId))) {
                return true;
            }
        }
        throw new RelatedListConflictException(holder);
    }
}
