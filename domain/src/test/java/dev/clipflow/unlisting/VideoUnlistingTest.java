package dev.clipflow.unlisting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.discovery.InMemoryCoViewStore;
import dev.clipflow.discovery.InMemoryRelatedStore;
import dev.clipflow.discovery.InMemoryTermIndex;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedList;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.InMemoryFeedStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VideoUnlistingTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final InMemoryRelatedStore related = new InMemoryRelatedStore();
    private final InMemoryTermIndex index = new InMemoryTermIndex();
    private final InMemoryCoViewStore coViews = new InMemoryCoViewStore();
    private final RelatedIndexer indexer = new RelatedIndexer(index, related, new RelatedPolicy(5, 50, 60));

    @Test
    void unlist_publishedVideo_leavesNoFeedListIndexCoViewOrHistoryHoldingIt_andKeepsTheOthers() {
        publishEverywhere();

        UnlistReport report = new VideoUnlisting(feeds, related, index, coViews).unlist("vid-gone");

        assertThat(report).isEqualTo(new UnlistReport("vid-gone", 4, 2, true, 2, 2));
        assertGoneAndOthersKept();
    }

    @Test
    void unlist_repeated_changesNothingMore() {
        publishEverywhere();
        VideoUnlisting unlisting = new VideoUnlisting(feeds, related, index, coViews);
        unlisting.unlist("vid-gone");

        assertThat(unlisting.unlist("vid-gone")).isEqualTo(new UnlistReport("vid-gone", 0, 0, false, 0, 0));
        assertGoneAndOthersKept();
    }

    @Test
    void unlist_afterAFailedStep_finishesTheWorkWhenCalledAgain() {
        publishEverywhere();
        AtomicInteger failures = new AtomicInteger(1);
        InMemoryCoViewStore flaky = new InMemoryCoViewStore() {
            @Override
            public synchronized int removeCoViews(String videoId) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("injected");
                }
                return super.removeCoViews(videoId);
            }
        };
        copyWatches(flaky);
        VideoUnlisting unlisting = new VideoUnlisting(feeds, related, index, flaky);

        assertThatThrownBy(() -> unlisting.unlist("vid-gone")).hasMessage("injected");
        UnlistReport again = unlisting.unlist("vid-gone");

        assertThat(again.feedEntries()).isZero();
        assertThat(again.coViewPairs()).isEqualTo(2);
        assertThat(flaky.coViews("vid-a", 10)).extracting(ScoredVideo::videoId).doesNotContain("vid-gone");
        assertThat(flaky.recentWatches("alice", 10)).doesNotContain("vid-gone");
        assertThat(feeds.viewerFeed("viewer-1", null, 10).items()).extracting(FeedItem::videoId)
                .containsExactly("vid-a");
    }

    @Test
    void unlist_staleReference_isForgottenWithoutRewritingTheList() {
        related.save(new RelatedList("vid-x", List.of(new ScoredVideo("vid-gone", 0.5)), 0), 0);
        related.save(new RelatedList("vid-x", List.of(new ScoredVideo("vid-y", 0.5)), 1), 1);
        assertThat(related.holdersOf("vid-gone")).containsExactly("vid-x");

        UnlistReport report = new VideoUnlisting(feeds, related, index, coViews).unlist("vid-gone");

        assertThat(report.relatedLists()).isZero();
        assertThat(related.holdersOf("vid-gone")).isEmpty();
        assertThat(related.find("vid-x").orElseThrow().version()).isEqualTo(2);
    }

    private void publishEverywhere() {
        for (String id : List.of("vid-a", "vid-gone")) {
            FeedItem item = new FeedItem(id, "chan", T0.plusSeconds(id.length()));
            feeds.putTimeline(item);
            feeds.putBatch(List.of(new FeedEntry("viewer-1", item), new FeedEntry("viewer-2", item),
                    new FeedEntry("viewer-3", item)));
        }
        indexer.publish(facts("vid-a", 0, "cats", "funny"));
        indexer.publish(facts("vid-b", 1, "cats", "cute"));
        indexer.publish(facts("vid-gone", 2, "cats", "funny", "cute"));
        copyWatches(coViews);
        assertThat(related.find("vid-a").orElseThrow().contains("vid-gone")).isTrue();
        assertThat(related.find("vid-b").orElseThrow().contains("vid-gone")).isTrue();
    }

    private static void copyWatches(InMemoryCoViewStore store) {
        store.recordWatch("alice", "vid-a", T0, List.of());
        store.recordWatch("alice", "vid-gone", T0.plusSeconds(1), List.of("vid-a"));
        store.recordWatch("bob", "vid-b", T0, List.of());
        store.recordWatch("bob", "vid-gone", T0.plusSeconds(1), List.of("vid-b"));
        store.recordWatch("bob", "vid-a", T0.plusSeconds(2), List.of("vid-gone", "vid-b"));
    }

    private void assertGoneAndOthersKept() {
        for (String viewer : List.of("viewer-1", "viewer-2", "viewer-3")) {
            assertThat(feeds.viewerFeed(viewer, null, 10).items()).extracting(FeedItem::videoId)
                    .containsExactly("vid-a");
        }
        assertThat(feeds.channelTimeline("chan", null, 10).items()).extracting(FeedItem::videoId)
                .containsExactly("vid-a");
        assertThat(related.find("vid-gone")).isEmpty();
        assertThat(related.find("vid-a").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("vid-b");
        assertThat(related.find("vid-b").orElseThrow().contains("vid-gone")).isFalse();
        assertThat(related.holdersOf("vid-gone")).isEmpty();
        assertThat(related.holdersOf("vid-a")).containsExactly("vid-b");
        assertThat(index.documentCount()).isEqualTo(2);
        assertThat(index.postings("w:cats", 10)).extracting(p -> p.videoId()).doesNotContain("vid-gone").hasSize(2);
        assertThat(coViews.coViews("vid-a", 10)).extracting(ScoredVideo::videoId).containsExactly("vid-b");
        assertThat(coViews.coViews("vid-gone", 10)).isEmpty();
        assertThat(coViews.recentWatches("alice", 10)).containsExactly("vid-a");
        assertThat(coViews.recentWatches("bob", 10)).containsExactly("vid-a", "vid-b");
    }

    private static VideoFacts facts(String id, int second, String... tags) {
        return new VideoFacts(id, "chan", T0.plusSeconds(second), String.join(" ", tags), "", List.of(tags));
    }
}
