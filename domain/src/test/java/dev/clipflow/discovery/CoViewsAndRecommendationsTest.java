package dev.clipflow.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.paging.PageSizeInvalidException;
import dev.clipflow.paging.SignedCursors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoViewsAndRecommendationsTest {
    private final InMemoryVideos videos = new InMemoryVideos();
    private final InMemoryCoViewStore coViews = new InMemoryCoViewStore();
    private final InMemoryRelatedStore related = new InMemoryRelatedStore();
    private final AtomicLong seconds = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-11-26T12:00:00Z").plusSeconds(seconds.incrementAndGet());
        }
    };
    private final WatchRecorder recorder = new WatchRecorder(videos, coViews, clock, 3);
    private final RelatedVideos relatedVideos = new RelatedVideos(related, coViews, RelatedBlend.DEFAULT, videos);
    private final List<String> subscribed = new ArrayList<>();
    private final Recommendations recommendations = new Recommendations(coViews, relatedVideos,
            (viewer, limit) -> subscribed.stream().limit(limit).toList(),
            new SignedCursors("recommendation-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), clock,
                    Duration.ofMinutes(5)), videos);

    @BeforeEach
    void catalog() {
        for (String id : List.of("v-a", "v-b", "v-c", "v-d", "v-e", "v-f")) {
            videos.put(id, VideoStatus.PUBLISHED);
        }
        videos.put("v-draft", VideoStatus.PROCESSING);
        related.save(new RelatedList("v-a", List.of(new ScoredVideo("v-b", 0.9), new ScoredVideo("v-c", 0.5)), 0), 0);
    }

    @Test
    void record_sameWatchTwice_countsCoViewsOnce() {
        recorder.record("alice", "v-a");
        assertThat(recorder.record("alice", "v-c")).isTrue();
        assertThat(recorder.record("alice", "v-c")).isFalse();

        assertThat(coViews.coViews("v-a", 10)).containsExactly(new ScoredVideo("v-c", 1));
    }

    @Test
    void record_windowBoundsThePairsCounted() {
        for (String id : List.of("v-a", "v-b", "v-c", "v-d", "v-e")) {
            recorder.record("alice", id);
        }

        assertThat(coViews.coViews("v-e", 10)).extracting(ScoredVideo::videoId)
                .containsExactlyInAnyOrder("v-b", "v-c", "v-d");
    }

    @Test
    void record_missingOrUnpublishedVideo_throwsAndWritesNothing() {
        assertThatThrownBy(() -> recorder.record("alice", "v-none")).isInstanceOf(VideoNotFoundException.class);
        assertThatThrownBy(() -> recorder.record("alice", "v-draft")).isInstanceOf(VideoNotPublishedException.class);
        assertThat(coViews.history).isEmpty();
    }

    @Test
    void related_coViewsShiftTheRanking() {
        assertThat(relatedVideos.of("v-a", 10)).extracting(ScoredVideo::videoId).containsExactly("v-b", "v-c");

        for (String viewer : List.of("u1", "u2", "u3", "u4", "u5", "u6")) {
            recorder.record(viewer, "v-a");
            recorder.record(viewer, "v-c");
        }

        assertThat(relatedVideos.of("v-a", 10)).extracting(ScoredVideo::videoId).containsExactly("v-c", "v-b");
    }

    @Test
    void recommendations_neighboursOfWatchedAndSubscriptions_excludingWatched() {
        recorder.record("alice", "v-a");
        recorder.record("alice", "v-b");
        subscribed.addAll(List.of("v-f", "v-b"));

        List<String> ids = recommendations.page("alice", null, 10).items().stream().map(ScoredVideo::videoId).toList();

        assertThat(ids).containsExactlyInAnyOrder("v-c", "v-f");
    }

    @Test
    void relatedAndRecommendations_leaveOutVideosNoLongerListed_atOnce() {
        recorder.record("alice", "v-a");
        subscribed.addAll(List.of("v-f", "v-d"));
        assertThat(relatedVideos.of("v-a", 10)).extracting(ScoredVideo::videoId).containsExactly("v-b", "v-c");

        videos.videos.put("v-b", videos.videos.get("v-b").withVisibility(Visibility.UNLISTED));
        videos.videos.put("v-f", videos.videos.get("v-f").withVisibility(Visibility.PRIVATE));

        assertThat(relatedVideos.of("v-a", 10)).extracting(ScoredVideo::videoId).containsExactly("v-c");
        assertThat(recommendations.page("alice", null, 10).items()).extracting(ScoredVideo::videoId)
                .containsExactlyInAnyOrder("v-c", "v-d");
    }

    @Test
    void recommendations_pagesWithSignedCursor() {
        recorder.record("alice", "v-a");
        subscribed.addAll(List.of("v-d", "v-e"));

        Page<ScoredVideo> first = recommendations.page("alice", null, 2);
        Page<ScoredVideo> second = recommendations.page("alice", first.nextCursor(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items()).doesNotContainAnyElementsOf(second.items());
        assertThatThrownBy(() -> recommendations.page("bob", first.nextCursor(), 2))
                .isInstanceOf(CursorInvalidException.class);
        assertThatThrownBy(() -> recommendations.page("alice", null, 51)).isInstanceOf(PageSizeInvalidException.class);
    }
}
