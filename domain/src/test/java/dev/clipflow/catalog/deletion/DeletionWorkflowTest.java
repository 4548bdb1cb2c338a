package dev.clipflow.catalog.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.events.VideoDeleted;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.upload.InMemoryVideos;
import dev.clipflow.discovery.InMemoryCoViewStore;
import dev.clipflow.discovery.InMemoryRelatedStore;
import dev.clipflow.discovery.InMemoryTermIndex;
import dev.clipflow.media.InMemoryObjectStore;
import dev.clipflow.social.InMemoryFeedStore;
import dev.clipflow.unlisting.VideoUnlisting;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeletionWorkflowTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final InMemoryVideos videos = new InMemoryVideos();
    private final Records records = new Records(videos);
    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final List<List<String>> invalidations = new ArrayList<>();
    private final AtomicInteger cdnFailures = new AtomicInteger();
    private final List<VideoEvent> events = new ArrayList<>();
    private final AtomicInteger stops = new AtomicInteger();
    private final DeletionWorkflow workflow = new DeletionWorkflow(videos, records, id -> stops.incrementAndGet(),
            new VideoUnlisting(new InMemoryFeedStore(), new InMemoryRelatedStore(), new InMemoryTermIndex(),
                    new InMemoryCoViewStore()), objects, (ref, paths) -> {
                if (cdnFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("cdn down");
                }
                invalidations.add(paths);
                return "I1";
            }, events::add, Clock.fixed(NOW, ZoneOffset.UTC), "media", "uploads",
            java.time.Duration.ofSeconds(960));

    @Test
    void run_everyStepInOrder_deletesMediaAndSource_tombstonesAndAnnounces() {
        deleting("vid-1");
        objects.put("media", "videos/vid-1/hls/master.m3u8");
        objects.put("media", "restricted/vid-1/hls/master.m3u8");
        objects.put("media", "videos/vid-10/hls/master.m3u8");
        objects.put("uploads", "uploads/vid-1/source.mp4");

        for (DeletionStep step : DeletionStep.values()) {
            DeletionWorkflow.Outcome outcome = workflow.run(step, "vid-1");
            assertThat(outcome.skipped()).isFalse();
            assertThat(outcome.waitSeconds()).isEqualTo(step == DeletionStep.STOP_PIPELINE ? 960 : 0);
        }

        assertThat(objects.keys("media")).containsExactly("videos/vid-10/hls/master.m3u8");
        assertThat(objects.keys("uploads")).isEmpty();
        assertThat(invalidations).containsExactly(List.of("/videos/vid-1/*", "/restricted/vid-1/*"));
        assertThat(videos.get("vid-1").status()).isEqualTo(VideoStatus.DELETED);
        assertThat(records.expiresAt.get("vid-1")).isEqualTo(NOW.plus(DeletionWorkflow.AUDIT_PERIOD));
        assertThat(events).singleElement().isInstanceOfSatisfying(VideoDeleted.class,
                e -> assertThat(e.subject().videoId()).isEqualTo("vid-1"));
        assertThat(stops).hasValue(1);
    }

    @Test
    void run_aStepThatFailed_runsAgainAndTheStepsDoneBeforeAreSkipped() {
        deleting("vid-2");
        objects.put("media", "videos/vid-2/poster.jpg");
        cdnFailures.set(1);
        workflow.run(DeletionStep.STOP_PIPELINE, "vid-2");
        workflow.run(DeletionStep.UNLIST, "vid-2");

        assertThatThrownBy(() -> workflow.run(DeletionStep.MEDIA, "vid-2")).hasMessage("cdn down");
        assertThat(records.done("vid-2")).containsExactly(DeletionStep.STOP_PIPELINE, DeletionStep.UNLIST);

        // A restarted workflow: the steps done are skipped, the failed one runs again and completes.
        assertThat(workflow.run(DeletionStep.STOP_PIPELINE, "vid-2").skipped()).isTrue();
        assertThat(workflow.run(DeletionStep.UNLIST, "vid-2").skipped()).isTrue();
        assertThat(workflow.run(DeletionStep.MEDIA, "vid-2").skipped()).isFalse();
        workflow.run(DeletionStep.TOMBSTONE, "vid-2");
        assertThat(workflow.run(DeletionStep.TOMBSTONE, "vid-2").skipped()).isTrue();

        assertThat(stops).hasValue(1);
        assertThat(objects.keys("media")).isEmpty();
        assertThat(events).hasSize(1);
    }

    @Test
    void run_onAVideoNobodyDeletes_isRefusedAndChangesNothing() {
        videos.create(video("vid-3", VideoStatus.PUBLISHED));
        objects.put("media", "videos/vid-3/poster.jpg");

        assertThatThrownBy(() -> workflow.run(DeletionStep.MEDIA, "vid-3"))
                .isInstanceOf(VideoNotDeletingException.class).hasMessageContaining("PUBLISHED");
        assertThat(objects.keys("media")).containsExactly("videos/vid-3/poster.jpg");
    }

    private void deleting(String videoId) {
        videos.create(video(videoId, VideoStatus.PUBLISHED));
        records.markDeleting(videoId);
    }

    private static Video video(String id, VideoStatus status) {
        return new Video(id, "chan", "alice", "Title", "", List.of("t"), 1000, "video/mp4", "uploads/" + id
                + "/source.mp4", null, status, null, null, List.of(), null, Map.of(), NOW, NOW);
    }

    /** {@link DeletionRecords} over the in-memory videos (test double). */
    static final class Records implements DeletionRecords {
        final InMemoryVideos videos;
        final Map<String, Set<DeletionStep>> steps = new HashMap<>();
        final Map<String, Instant> expiresAt = new HashMap<>();

        Records(InMemoryVideos videos) {
            this.videos = videos;
        }

        @Override
        public Video markDeleting(String videoId) {
            Video v = videos.get(videoId);
            return v.status().isDeleted() ? v : videos.replace(v, VideoStatus.DELETING);
        }

        @Override
        public Set<DeletionStep> done(String videoId) {
            return EnumSet.copyOf(steps.getOrDefault(videoId, EnumSet.noneOf(DeletionStep.class)));
        }

        @Override
        public void recordDone(String videoId, DeletionStep step) {
            steps.computeIfAbsent(videoId, k -> EnumSet.noneOf(DeletionStep.class)).add(step);
        }

        @Override
        public Video tombstone(String videoId, Instant expires) {
            expiresAt.put(videoId, expires);
            return videos.replace(videos.get(videoId), VideoStatus.DELETED);
        }
    }
}
