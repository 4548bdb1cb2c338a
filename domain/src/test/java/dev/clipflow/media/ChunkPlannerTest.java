package dev.clipflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.TranscodeMode;
import dev.clipflow.pipeline.TranscodePlan;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
    private static MediaInfo media(double duration, double pictureEnd) {
        return new MediaInfo(duration, 1920, 1080, 0, 1920, 1080, 25, "h264", "aac", 1, "mp4", 48000, pictureEnd);
    }

    @Test
    void plan_upToTheThreshold_isOnePassWithoutChunks() {
        TranscodePlan plan = ChunkPlanner.DEFAULT.plan(media(120, 120));

        assertThat(plan.mode()).isEqualTo(TranscodeMode.ONE_PASS);
        assertThat(plan.chunks()).isEmpty();
        assertThat(plan.maxConcurrency()).isZero();
    }

    @Test
    void plan_longerPicture_cutsChunksOnTheSegmentGridWithAnOpenLastOne() {
        TranscodePlan plan = ChunkPlanner.DEFAULT.plan(media(3600, 3600));

        assertThat(plan.mode()).isEqualTo(TranscodeMode.CHUNKED);
        assertThat(plan.chunks()).hasSize(90);
        assertThat(plan.chunks().get(1)).isEqualTo(new ChunkSpec(1, 40, 80L, 10));
        assertThat(plan.chunks().getLast()).isEqualTo(new ChunkSpec(89, 3560, null, 890));
        assertThat(plan.maxConcurrency()).isEqualTo(100);
        assertThat(plan.chunks()).allSatisfy(c -> assertThat(c.startSeconds() % HlsTiming.SEGMENT_SECONDS).isZero());
    }

    @Test
    void plan_oneFramePastABoundary_joinsTheChunkBefore() {
        TranscodePlan plan = new ChunkPlanner(40, 60).plan(media(160.04, 160.04));

        assertThat(plan.chunks()).extracting(ChunkSpec::startSeconds).containsExactly(0L, 40L, 80L, 120L);
        assertThat(plan.chunks().getLast().runsToEnd()).isTrue();
    }

    @Test
    void plan_remainderOfASecondOrMore_isAChunkOfItsOwn() {
        assertThat(new ChunkPlanner(40, 60).plan(media(161, 161)).chunks()).hasSize(5);
        assertThat(new ChunkPlanner(40, 60).plan(media(160.99, 160.99)).chunks()).hasSize(4);
    }

    @Test
    void plan_exactMultiple_hasNoEmptyLastChunk() {
        assertThat(new ChunkPlanner(40, 60).plan(media(160, 160)).chunks()).hasSize(4);
        assertThat(new ChunkPlanner(40, 60).plan(media(160.0004, 160.0004)).chunks()).hasSize(4);
    }

    @Test
    void plan_audioLongerThanThePicture_chunksThePictureOnly() {
        TranscodePlan plan = new ChunkPlanner(40, 60).plan(media(300, 110));

        assertThat(plan.chunks()).hasSize(3);
    }

    @Test
    void new_chunkNotOnTheSegmentGridOrThresholdAboveTheMeasuredLimit_isRefused() {
        assertThatThrownBy(() -> new ChunkPlanner(30, 60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> new ChunkPlanner(40, MediaLimits.ONE_PASS_MAX_SECONDS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-pass limit");
        assertThatThrownBy(() -> new ChunkPlanner(40, 60, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
