package dev.clipflow.catalog.visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.StepLog;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoVisibilityChanged;
import dev.clipflow.catalog.upload.InMemoryVideos;
import dev.clipflow.discovery.InMemoryCoViewStore;
import dev.clipflow.discovery.InMemoryRelatedStore;
import dev.clipflow.discovery.InMemoryTermIndex;
import dev.clipflow.media.InMemoryObjectStore;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedItem;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VisibilityChangeWorkflowTest {
    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");
    private static final Instant ASKED = NOW.minusSeconds(5);

    private final InMemoryVideos videos = new InMemoryVideos();
    private final Records records = new Records(videos);
    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final List<List<String>> invalidations = new ArrayList<>();
    private final AtomicInteger cdnFailures = new AtomicInteger();
    private final List<VideoEvent> events = new ArrayList<>();
    private final VisibilityChangeWorkflow workflow = new VisibilityChangeWorkflow(videos, records,
            new VideoUnlisting(feeds, new InMemoryRelatedStore(), new InMemoryTermIndex(), new InMemoryCoViewStore()),
            objects, (ref, paths) -> {
                if (cdnFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("cdn down");
                }
                invalidations.add(paths);
                return "I-" + invalidations.size();
            }, events::add, Clock.fixed(NOW, ZoneOffset.UTC), "media");

    @Test
    void run_publicToPrivate_copiesSwitchesDeletesTheOldMediaUnlistsAndFinishes() {
        published("v1", Visibility.PUBLIC, Visibility.PRIVATE);
        feeds.putBatch(List.of(new FeedEntry("viewer", new FeedItem("v1", "chan", NOW))));

        assertThat(workflow.run(VisibilityStep.COPY_MEDIA, "v1", ASKED).detail()).contains("copied 3");
        assertThat(objects.keys("media")).containsExactly("restricted/v1/hls/720p/index.m3u8",
                "restricted/v1/hls/master.m3u8", "restricted/v1/poster.jpg", "videos/v1/hls/720p/index.m3u8",
                "videos/v1/hls/master.m3u8", "videos/v1/poster.jpg", "videos/v10/poster.jpg");
        assertThat(videos.get("v1").visibility()).as("not switched before the copy is whole")
                .isEqualTo(Visibility.PUBLIC);

        workflow.run(VisibilityStep.SWITCH, "v1", ASKED);
        Video switched = videos.get("v1");
        assertThat(switched.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(switched.assets().masterPlaylistKey()).isEqualTo("restricted/v1/hls/master.m3u8");
        assertThat(switched.assets().posterKey()).isEqualTo("restricted/v1/poster.jpg");
        assertThat(switched.renditions()).singleElement().extracting(Rendition::playlistKey)
                .isEqualTo("restricted/v1/hls/720p/index.m3u8");
        assertThat(switched.visibilityChange()).as("pending until the last step").isNotNull();
        assertThat(events).singleElement().isInstanceOfSatisfying(VideoVisibilityChanged.class, e -> {
            assertThat(e.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(e.previousVisibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(e.subject().occurredAt()).isEqualTo(NOW);
        });

        workflow.run(VisibilityStep.DELETE_OLD_MEDIA, "v1", ASKED);
        assertThat(objects.keys("media")).containsExactly("restricted/v1/hls/720p/index.m3u8",
                "restricted/v1/hls/master.m3u8", "restricted/v1/poster.jpg", "videos/v10/poster.jpg");
        assertThat(invalidations).containsExactly(List.of("/videos/v1/*"));

        assertThat(workflow.run(VisibilityStep.UNLIST, "v1", ASKED).detail()).contains("feedEntries=1");
        assertThat(feeds.removeVideo("v1")).as("nothing left to remove").isZero();

        workflow.run(VisibilityStep.FINISH, "v1", ASKED);
        assertThat(videos.get("v1").visibilityChange()).isNull();
        assertThat(videos.get("v1").visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void run_privateToPublic_movesTheMediaBackAndUnlistsNothing() {
        published("v1", Visibility.PRIVATE, Visibility.PUBLIC);
        feeds.putBatch(List.of(new FeedEntry("viewer", new FeedItem("v1", "chan", NOW))));

        for (VisibilityStep step : VisibilityStep.values()) {
            assertThat(workflow.run(step, "v1", ASKED).skipped()).as("%s", step).isFalse();
        }

        Video done = videos.get("v1");
        assertThat(done.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(done.assets().masterPlaylistKey()).isEqualTo("videos/v1/hls/master.m3u8");
        assertThat(done.visibilityChange()).isNull();
        assertThat(objects.keys("media")).containsExactly("videos/v1/hls/720p/index.m3u8",
                "videos/v1/hls/master.m3u8", "videos/v1/poster.jpg", "videos/v10/poster.jpg");
        assertThat(invalidations).containsExactly(List.of("/restricted/v1/*"));
        assertThat(feeds.removeVideo("v1")).as("a video made public is not un-listed").isEqualTo(1);
    }

    @Test
    void run_unlistedToPrivate_switchesOnlyTheRecord() {
        published("v1", Visibility.UNLISTED, Visibility.PRIVATE);
        List<String> before = objects.keys("media");

        for (VisibilityStep step : VisibilityStep.values()) {
            workflow.run(step, "v1", ASKED);
        }

        assertThat(videos.get("v1").visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(videos.get("v1").assets().masterPlaylistKey()).isEqualTo("restricted/v1/hls/master.m3u8");
        assertThat(objects.keys("media")).isEqualTo(before);
        assertThat(invalidations).isEmpty();
        assertThat(events).hasSize(1);
    }

    @Test
    void run_stepsRecordedAsDone_areSkipped_andEveryStepOfAFinishedChangeDoesNothing() {
        published("v1", Visibility.PUBLIC, Visibility.UNLISTED);

        workflow.run(VisibilityStep.COPY_MEDIA, "v1", ASKED);
        objects.delete("media", "restricted/v1/poster.jpg");
        assertThat(workflow.run(VisibilityStep.COPY_MEDIA, "v1", ASKED).skipped()).isTrue();
        assertThat(objects.keys("media")).as("the copy did not run again").doesNotContain("restricted/v1/poster.jpg");
        for (VisibilityStep step : List.of(VisibilityStep.SWITCH, VisibilityStep.DELETE_OLD_MEDIA,
                VisibilityStep.UNLIST, VisibilityStep.FINISH)) {
            workflow.run(step, "v1", ASKED);
        }

        for (VisibilityStep step : VisibilityStep.values()) {
            assertThat(workflow.run(step, "v1", ASKED).skipped()).as("%s of a finished change", step).isTrue();
        }
        assertThat(events).hasSize(1);
        assertThat(invalidations).hasSize(1);
        assertThat(videos.get("v1").visibility()).isEqualTo(Visibility.UNLISTED);
    }

    @Test
    void run_switchRepeatedAfterItsWriteButBeforeItsRecord_writesAndAnnouncesNothingMore() {
        published("v1", Visibility.PUBLIC, Visibility.UNLISTED);
        workflow.run(VisibilityStep.COPY_MEDIA, "v1", ASKED);
        workflow.run(VisibilityStep.SWITCH, "v1", ASKED);
        records.steps.get("v1").remove(VisibilityStep.SWITCH);

        VisibilityChangeWorkflow.Outcome again = workflow.run(VisibilityStep.SWITCH, "v1", ASKED);

        assertThat(again.skipped()).isFalse();
        assertThat(again.detail()).isEqualTo("switched before");
        assertThat(events).hasSize(1);
        assertThat(records.done("v1")).contains(VisibilityStep.SWITCH);
    }

    @Test
    void run_aStepThatFailed_runsAgainWhole_andRepeatsOfStepsDoneChangeNothing() {
        published("v1", Visibility.PUBLIC, Visibility.PRIVATE);
        cdnFailures.set(1);
        workflow.run(VisibilityStep.COPY_MEDIA, "v1", ASKED);
        workflow.run(VisibilityStep.SWITCH, "v1", ASKED);

        assertThatThrownBy(() -> workflow.run(VisibilityStep.DELETE_OLD_MEDIA, "v1", ASKED)).hasMessage("cdn down");
        assertThat(records.done("v1")).containsExactly(VisibilityStep.COPY_MEDIA, VisibilityStep.SWITCH);

        assertThat(workflow.run(VisibilityStep.SWITCH, "v1", ASKED).skipped()).isTrue();
        assertThat(workflow.run(VisibilityStep.DELETE_OLD_MEDIA, "v1", ASKED).skipped()).isFalse();
        assertThat(objects.keys("media")).noneMatch(k -> k.startsWith("videos/v1/"));
        assertThat(invalidations).containsExactly(List.of("/videos/v1/*"));
        assertThat(events).hasSize(1);
    }

    @Test
    void run_onAVideoBeingDeleted_stopsTheChangeAndChangesNothing() {
        published("v1", Visibility.PUBLIC, Visibility.PRIVATE);
        workflow.run(VisibilityStep.COPY_MEDIA, "v1", ASKED);
        videos.replace(videos.get("v1"), VideoStatus.DELETING);

        for (VisibilityStep step : List.of(VisibilityStep.SWITCH, VisibilityStep.DELETE_OLD_MEDIA,
                VisibilityStep.UNLIST, VisibilityStep.FINISH)) {
            assertThatThrownBy(() -> workflow.run(step, "v1", ASKED))
                    .isInstanceOf(VisibilityChangeCancelledException.class).hasMessageContaining("DELETING");
        }
        assertThat(videos.get("v1").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(videos.get("v1").assets().masterPlaylistKey()).isEqualTo("videos/v1/hls/master.m3u8");
        assertThat(events).isEmpty();
        assertThat(invalidations).isEmpty();
    }

    @Test
    void run_copyDuringWhichTheVideoIsDeleted_deletesWhatItCopiedAndStops() {
        published("v1", Visibility.PUBLIC, Visibility.PRIVATE);
        InMemoryObjectStore copyThenDelete = new InMemoryObjectStore() {
            @Override
            public synchronized int copyPrefix(String bucket, String fromPrefix, String toPrefix) {
                objects.copyPrefix(bucket, fromPrefix, toPrefix);
                // The owner's DELETE lands as the last copy does.
                videos.replace(videos.get("v1"), VideoStatus.DELETING);
                return 3;
            }

            @Override
            public synchronized int deletePrefix(String bucket, String prefix) {
                return objects.deletePrefix(bucket, prefix);
            }
        };
        VisibilityChangeWorkflow deletedMidCopy = new VisibilityChangeWorkflow(videos, records,
                new VideoUnlisting(feeds, new InMemoryRelatedStore(), new InMemoryTermIndex(),
                        new InMemoryCoViewStore()), copyThenDelete, (ref, paths) -> "I",
                events::add, Clock.fixed(NOW, ZoneOffset.UTC), "media");

        assertThatThrownBy(() -> deletedMidCopy.run(VisibilityStep.COPY_MEDIA, "v1", ASKED))
                .isInstanceOf(VisibilityChangeCancelledException.class);

        assertThat(objects.keys("media")).noneMatch(k -> k.startsWith("restricted/v1/"));
        assertThat(records.done("v1")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    /** A PUBLISHED video {@code id} with visibility {@code from}, its media under the prefix for it, and a pending
     *  change to {@code to} asked for at {@link #ASKED}; plus another video's object that must stay. */
    private void published(String id, Visibility from, Visibility to) {
        boolean restricted = from.isRestricted();
        String rendition = MediaKeys.hlsPrefix(id, restricted) + "720p/index.m3u8";
        videos.create(new Video(id, "chan", "alice", "Title", "", List.of("t"), 1000, "video/mp4",
                "uploads/chan/" + id + "/source.mp4", null, VideoStatus.PUBLISHED, null, null,
                List.of(new Rendition("720p", 1280, 720, 2_000_000, rendition, 5000)),
                new Video.PublishedAssets(MediaKeys.masterPlaylist(id, restricted), MediaKeys.poster(id, restricted),
                        null, null), Map.of(), NOW, NOW, Map.of(), null, null, from,
                new Video.VisibilityChange(from, to, ASKED)));
        objects.put("media", MediaKeys.masterPlaylist(id, restricted));
        objects.put("media", rendition);
        objects.put("media", MediaKeys.poster(id, restricted));
        objects.put("media", "videos/v10/poster.jpg");
    }

    /** {@link VisibilityChangeRecords} over the in-memory videos (test double). */
    static final class Records implements VisibilityChangeRecords {
        final InMemoryVideos videos;
        final Map<String, Set<VisibilityStep>> steps = new HashMap<>();

        Records(InMemoryVideos videos) {
            this.videos = videos;
        }

        Set<VisibilityStep> done(String videoId) {
            return EnumSet.copyOf(steps.getOrDefault(videoId, EnumSet.noneOf(VisibilityStep.class)));
        }

        private boolean pending(String videoId, Instant requestedAt) {
            Video.VisibilityChange c = videos.get(videoId).visibilityChange();
            return c != null && c.requestedAt().equals(requestedAt);
        }

        @Override
        public StepLog<VisibilityStep> steps(Instant requestedAt) {
            return new StepLog<>() {
                @Override
                public Set<VisibilityStep> done(String videoId) {
                    return pending(videoId, requestedAt) ? Records.this.done(videoId)
                            : EnumSet.allOf(VisibilityStep.class);
                }

                @Override
                public void recordDone(String videoId, VisibilityStep step) {
                    if (pending(videoId, requestedAt)) {
                        steps.computeIfAbsent(videoId, k -> EnumSet.noneOf(VisibilityStep.class)).add(step);
                    }
                }
            };
        }

        @Override
        public Optional<Video> switchVisibility(String videoId, Instant requestedAt, Visibility to,
                                                List<Rendition> renditions, Video.PublishedAssets assets) {
            Video v = videos.get(videoId);
            if (v.status() != VideoStatus.PUBLISHED) {
                throw new VisibilityChangeCancelledException(videoId, v.status());
            }
            if (!pending(videoId, requestedAt) || v.visibility() == to) {
                return Optional.empty();
            }
            return Optional.of(videos.replace(new Video(v.videoId(), v.channelId(), v.ownerId(), v.title(),
                    v.description(), v.tags(), v.declaredBytes(), v.contentType(), v.uploadKey(), v.uploadId(),
                    v.status(), v.failureReason(), v.media(), renditions, assets, v.usage(), v.createdAt(),
                    v.updatedAt(), v.branchFailures(), v.reservedSeconds(), v.progress(), to, v.visibilityChange())));
        }

        @Override
        public void finish(String videoId, Instant requestedAt) {
            if (pending(videoId, requestedAt)) {
                videos.replace(videos.get(videoId).withVisibilityChange(null));
                steps.remove(videoId);
            }
        }
    }
}
