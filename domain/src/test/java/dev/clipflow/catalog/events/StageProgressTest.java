package dev.clipflow.catalog.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.upload.InMemoryVideos;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageProgressTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final InMemoryVideos videos = new InMemoryVideos();
    private final List<VideoEvent> published = new ArrayList<>();
    private final StageProgress progress = new StageProgress(videos, published::add,
            Clock.fixed(T0, ZoneOffset.UTC));

    private void video(String id, VideoStatus status) {
        videos.create(new Video(id, "ch-1", "owner-1", "t", "", List.of(), 1, "video/mp4", "k", null, status, null,
                null, List.of(), null, Map.of(), T0, T0));
    }

    @Test
    void startedAndFinished_processingVideo_recordsProgressAndPublishesEachMoveOnce() {
        video("v-1", VideoStatus.PROCESSING);

        progress.started("v-1", PipelineStage.PROBE);
        progress.finished("v-1", PipelineStage.PROBE);
        progress.started("v-1", PipelineStage.TRANSCODE);
        progress.started("v-1", PipelineStage.PROBE);

        assertThat(published).extracting(VideoEvent::detailType).containsExactly("Stage Started", "Stage Finished",
                "Stage Started");
        assertThat(published.get(2).detail()).containsEntry("stage", "transcode").containsEntry("progress", 15)
                .containsEntry("ownerId", "owner-1").containsEntry("schemaVersion", 1)
                .containsEntry("occurredAt", T0.toString());
        assertThat(videos.get("v-1").progress()).isEqualTo(new Video.Progress("transcode", 15));
    }

    @Test
    void started_aLateRepeatOfAnEarlierStage_publishesNothingAndKeepsTheProgress() {
        video("v-1", VideoStatus.PROCESSING);
        progress.started("v-1", PipelineStage.TRANSCODE);
        published.clear();

        progress.finished("v-1", PipelineStage.PROBE);

        assertThat(published).isEmpty();
        assertThat(videos.get("v-1").progress()).isEqualTo(new Video.Progress("transcode", 15));
    }

    @Test
    void started_videoNotProcessing_publishesNothing() {
        video("v-1", VideoStatus.FAILED);

        progress.started("v-1", PipelineStage.PROBE);

        assertThat(published).isEmpty();
        assertThat(videos.get("v-1").progress()).isNull();
    }

    @Test
    void chunkDone_eachChunkOnce_countsAndPublishesProgressAndARetryCountsNothing() {
        video("v-1", VideoStatus.PROCESSING);
        progress.finished("v-1", PipelineStage.PROBE);
        published.clear();

        progress.chunkDone("v-1", 2, 4);
        progress.chunkDone("v-1", 0, 4);
        progress.chunkDone("v-1", 2, 4);

        assertThat(published).extracting(VideoEvent::detailType).containsExactly("Stage Progress", "Stage Progress");
        assertThat(published).extracting(e -> e.detail().get("chunksDone")).containsExactly(1, 2);
        assertThat(published.get(1).detail()).containsEntry("stage", "transcode").containsEntry("progress", 52)
                .containsEntry("chunksTotal", 4).containsEntry("ownerId", "owner-1");
        assertThat(videos.get("v-1").progress()).isEqualTo(new Video.Progress("transcode", 52));
    }

    @Test
    void chunkDone_videoNotProcessing_publishesNothing() {
        video("v-1", VideoStatus.FAILED);

        progress.chunkDone("v-1", 0, 4);

        assertThat(published).isEmpty();
    }
}
