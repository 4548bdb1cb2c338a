package dev.clipflow.social;

import dev.clipflow.catalog.ListedVideos;
import dev.clipflow.paging.CursorExpiredException;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.paging.PageSizeInvalidException;
import dev.clipflow.paging.SignedCursors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a viewer's feed: the entries pushed to it, merged at read time with the timelines of the
 * celebrity channels the viewer follows (hybrid push/pull), newest first, without duplicates and
 * without anything from channels the viewer no longer follows. Pages are cut at a {@link FeedPosition}
 * carried in a signed cursor bound to the viewer.
 */
public final class FeedReader {
    public static final int MAX_PAGE = 100;
    /** Reads of the pushed feed per page when many entries are skipped (channels left). */
    static final int MAX_SCAN_ROUNDS = 10;

    private final SubscriptionStore subscriptions;
    private final FeedStore feeds;
    private final FanoutPolicy policy;
    private final SignedCursors cursors;
    private final ListedVideos listed;

    /** @param listed the catalog's current listing; entries of videos no longer listed are dropped on read */
    public FeedReader(SubscriptionStore subscriptions, FeedStore feeds, FanoutPolicy policy, SignedCursors cursors,
                      ListedVideos listed) {
        this.listed = Objects.requireNonNull(listed, "listed");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    /**
     * One page of at most {@code limit} (1 to {@value #MAX_PAGE}) items; {@code cursor} null for the
     * first page. Throws {@link PageSizeInvalidException}, {@link CursorInvalidException} (forged,
     * altered, another viewer's) or {@link CursorExpiredException}. Items of videos that are not listed now
     * ({@link ListedVideos}) are left out, so a page may hold fewer than {@code limit} items while a cursor follows.
     */
    public FeedPage read(String viewerId, String cursor, int limit) {
        FeedPage page = readEntries(viewerId, cursor, limit);
        if (page.items().isEmpty()) {
            return page;
        }
        Set<String> shown = listed.listedAmong(page.items().stream().map(FeedItem::videoId).toList());
        return new FeedPage(page.items().stream().filter(i -> shown.contains(i.videoId())).toList(),
                page.nextCursor());
    }

    private FeedPage readEntries(String viewerId, String cursor, int limit) {
        PageSizeInvalidException.check(limit, 1, MAX_PAGE);
        String scope = "feed|" + viewerId;
        FeedPosition before = cursor == null ? null : position(cursors.open(scope, cursor));
        Set<String> followed = Subscriptions.followedChannels(subscriptions, viewerId);

        List<FeedItem> candidates = new ArrayList<>();
        FeedPosition frontier = before;
        boolean pushedExhausted = false;
        int kept = 0;
        for (int round = 0; round < MAX_SCAN_ROUNDS && kept <= limit; round++) {
            FeedSlice slice = feeds.viewerFeed(viewerId, frontier, limit + 1);
            for (FeedItem item : slice.items()) {
                frontier = item.position();
                if (followed.contains(item.channelId())) {
                    candidates.add(item);
                    kept++;
                }
            }
            if (!slice.more() || slice.items().isEmpty()) {
                pushedExhausted = true;
                break;
            }
        }
        for (ChannelAudience audience : subscriptions.audiences(followed).values()) {
            if (audience.isPulled(policy)) {
                candidates.addAll(feeds.channelTimeline(audience.channelId(), before, limit + 1).items());
            }
        }

        List<FeedItem> merged = newestFirstDistinct(candidates);
        if (merged.size() > limit) {
            List<FeedItem> page = merged.subList(0, limit);
            return new FeedPage(page, cursors.issue(scope, page.getLast().position().sortKey()));
        }
        if (!pushedExhausted && frontier != null) {
            FeedPosition edge = frontier;
            List<FeedItem> page = merged.stream().filter(i -> i.position().compareTo(edge) >= 0).toList();
            return new FeedPage(page, cursors.issue(scope, edge.sortKey()));
        }
        return new FeedPage(merged, null);
    }

    private static List<FeedItem> newestFirstDistinct(List<FeedItem> items) {
        Map<String, FeedItem> byVideo = new LinkedHashMap<>();
        items.stream()
                .sorted(Comparator.comparing(FeedItem::position).reversed())
                .forEach(i -> byVideo.putIfAbsent(i.videoId(), i));
        return new ArrayList<>(byVideo.values());
    }

    private static FeedPosition position(String raw) {
        try {
            return FeedPosition.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new CursorInvalidException();
        }
    }
}
