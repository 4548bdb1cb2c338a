package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.StepLog;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.edit.VideoChanges;
import dev.clipflow.catalog.upload.VideoMetadata;
import dev.clipflow.catalog.visibility.PendingVisibilityChange;
import dev.clipflow.catalog.visibility.VisibilityChangeCancelledException;
import dev.clipflow.catalog.visibility.VisibilityStep;
import dev.clipflow.pipeline.Rendition;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A visibility change's record on the video item (the pending change, its steps, the switch, the end) on Dynoxide. */
class DynamoVisibilityChangeRecordsIT {
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant ASKED = Instant.parse("2026-12-08T11:00:00.123Z");

    private final CatalogFixtures fx = new CatalogFixtures();
    private final DynamoVideoRepository repo = new DynamoVideoRepository(fx.dynamo, fx.videosTable);
    private final DynamoVisibilityChangeRecords records = new DynamoVisibilityChangeRecords(fx.dynamo,
            fx.videosTable, Clock.systemUTC());

    @Test
    void steps_ofThePendingChange_areRecordedOnce_andThoseOfAnotherChangeAreAllDoneAndWriteNothing() {
        changing("v-1", Visibility.PRIVATE);
        StepLog<VisibilityStep> log = records.steps(ASKED);
        StepLog<VisibilityStep> old = records.steps(ASKED.minusSeconds(60));

        assertThat(log.done("v-1")).isEmpty();
        log.recordDone("v-1", VisibilityStep.COPY_MEDIA);
        log.recordDone("v-1", VisibilityStep.COPY_MEDIA);
        old.recordDone("v-1", VisibilityStep.SWITCH);

        assertThat(log.done("v-1")).containsExactly(VisibilityStep.COPY_MEDIA);
        assertThat(old.done("v-1")).isEqualTo(EnumSet.allOf(VisibilityStep.class));
    }

    @Test
    void switchVisibility_setsTheVisibilityAndKeysInOneWrite_keepsTheChangePending_andARepeatWritesNothing() {
        changing("v-1", Visibility.UNLISTED);
        List<Rendition> renditions = List.of(new Rendition("360p", 640, 360, 800_000,
                "restricted/v-1/hls/360p/index.m3u8", 1000));
        Video.PublishedAssets assets = new Video.PublishedAssets("restricted/v-1/hls/master.m3u8",
                "restricted/v-1/poster.jpg", null, null);

        Video switched = records.switchVisibility("v-1", ASKED, Visibility.UNLISTED, renditions, assets).orElseThrow();

        assertThat(switched.visibility()).isEqualTo(Visibility.UNLISTED);
        assertThat(switched.renditions()).isEqualTo(renditions);
        assertThat(switched.assets()).isEqualTo(assets);
        assertThat(switched.visibilityChange()).isNotNull();
        assertThat(records.switchVisibility("v-1", ASKED, Visibility.UNLISTED, List.of(), null))
                .as("a repeat writes nothing").isEmpty();
        assertThat(repo.get("v-1")).isEqualTo(switched);
        assertThat(repo.listedAmong(List.of("v-1"))).as("no longer listed").isEmpty();
    }

    @Test
    void switchVisibility_ofAnotherChange_writesNothing_andOfAVideoBeingDeleted_isCancelled() {
        changing("v-1", Visibility.PRIVATE);

        assertThat(records.switchVisibility("v-1", ASKED.plusSeconds(1), Visibility.PRIVATE, List.of(), null))
                .isEmpty();
        assertThat(repo.get("v-1").visibility()).isEqualTo(Visibility.PUBLIC);

        new DynamoDeletionRecords(fx.dynamo, fx.videosTable, Clock.systemUTC()).markDeleting("v-1");
        assertThatThrownBy(() -> records.switchVisibility("v-1", ASKED, Visibility.PRIVATE, List.of(), null))
                .isInstanceOf(VisibilityChangeCancelledException.class).hasMessageContaining("DELETING");
        assertThat(repo.get("v-1").visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void finish_removesOnlyItsOwnChange_andThenANewChangeMayBeRecorded() {
        changing("v-1", Visibility.PRIVATE);
        records.steps(ASKED).recordDone("v-1", VisibilityStep.SWITCH);

        records.finish("v-1", ASKED.minusSeconds(1));
        assertThat(repo.get("v-1").visibilityChange()).isNotNull();
        records.finish("v-1", ASKED);
        records.finish("v-1", ASKED);

        assertThat(repo.get("v-1").visibilityChange()).isNull();
        assertThat(records.steps(ASKED).done("v-1")).isEqualTo(EnumSet.allOf(VisibilityStep.class));
        Instant next = ASKED.plusSeconds(60);
        new DynamoVideoEdits(fx.dynamo, fx.videosTable).edit("v-1", "user-1", metadata(), null, Set.of(),
                new Video.VisibilityChange(Visibility.PUBLIC, Visibility.UNLISTED, next), next);
        assertThat(records.steps(next).done("v-1")).as("a new change starts with no step done").isEmpty();
    }

    @Test
    void attempts_ofThePendingChange_startAt1_moveOnlyFromTheCurrentOne_andEndWithTheChange() {
        changing("v-1", Visibility.PRIVATE);
        PendingVisibilityChange run = PendingVisibilityChange.of(repo.get("v-1"), repo.get("v-1").visibilityChange());
        PendingVisibilityChange older = new PendingVisibilityChange("v-1", "ch-1",
                new Video.VisibilityChange(Visibility.PUBLIC, Visibility.PRIVATE, ASKED.minusSeconds(60)));

        assertThat(records.current(run)).hasValue(1);
        assertThat(records.touch(run, 1)).isTrue();
        assertThat(records.touch(run, 2)).as("not on attempt 2").isFalse();
        assertThat(records.advance(run, 1)).isTrue();
        assertThat(records.advance(run, 1)).as("the loser of a race").isFalse();
        assertThat(records.current(run)).hasValue(2);
        assertThat(records.current(older)).as("another change").isEmpty();
        assertThat(records.advance(older, 2)).isFalse();
        records.steps(ASKED).recordDone("v-1", VisibilityStep.COPY_MEDIA);
        assertThat(records.steps(ASKED).done("v-1")).as("steps kept across attempts")
                .containsExactly(VisibilityStep.COPY_MEDIA);
        assertThat(repo.get("v-1").visibilityChange().requestedAt()).isEqualTo(ASKED);

        records.finish("v-1", ASKED);
        assertThat(records.current(run)).isEmpty();
        assertThat(records.touch(run, 2)).isFalse();
    }

    @Test
    void attempts_ofAVideoBeingDeleted_areOver() {
        changing("v-1", Visibility.UNLISTED);
        PendingVisibilityChange run = PendingVisibilityChange.of(repo.get("v-1"), repo.get("v-1").visibilityChange());
        new DynamoDeletionRecords(fx.dynamo, fx.videosTable, Clock.systemUTC()).markDeleting("v-1");

        assertThat(records.current(run)).isEmpty();
        assertThat(records.touch(run, 1)).isFalse();
        assertThat(records.advance(run, 1)).isFalse();
    }

    /** A PUBLISHED, PUBLIC video with a pending change to {@code to} asked for at {@link #ASKED}. */
    private void changing(String videoId, Visibility to) {
        repo.create(CatalogFixtures.video(videoId, "ch-1", T0));
        repo.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        repo.publish(videoId, List.of(new Rendition("360p", 640, 360, 800_000, "videos/" + videoId
                + "/hls/360p/index.m3u8", 1000)), new Video.PublishedAssets("videos/" + videoId + "/hls/master.m3u8",
                "videos/" + videoId + "/poster.jpg", null, null));
        new DynamoVideoEdits(fx.dynamo, fx.videosTable).edit(videoId, "user-1", metadata(), null,
                EnumSet.noneOf(VideoChanges.Field.class), new Video.VisibilityChange(Visibility.PUBLIC, to, ASKED),
                ASKED);
    }

    private static VideoMetadata metadata() {
        return new VideoMetadata("Title", "", List.of());
    }
}
