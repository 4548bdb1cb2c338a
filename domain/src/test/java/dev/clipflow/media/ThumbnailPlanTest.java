package dev.clipflow.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailPlanTest {

    private static MediaInfo media(double duration, int w, int h) {
        return new MediaInfo(duration, w, h, 0, w, h, 25, "h264", null, 1_000_000, "mp4");
    }

    @Test
    void of_fourSecondLandscape_tilesEverySecondPosterAtTenPercent() {
        ThumbnailPlan plan = ThumbnailPlan.of(media(4, 1280, 720),
                List.of(new RenditionSpec("720p", 1280, 720, 2800, 0)));
        assertThat(plan.posterSeconds()).isEqualTo(0.4);
        assertThat(plan.tileCount()).isEqualTo(4);
        assertThat(plan.columns()).isEqualTo(4);
        assertThat(plan.rows()).isEqualTo(1);
        assertThat(plan.tileWidth()).isEqualTo(160);
        assertThat(plan.tileHeight()).isEqualTo(90);
        assertThat(plan.posterWidth()).isEqualTo(1280);
    }

    @Test
    void of_twoHourVideo_capsTilesAndPosterTime() {
        ThumbnailPlan plan = ThumbnailPlan.of(media(7200, 1920, 1080),
                List.of(new RenditionSpec("1080p", 1920, 1080, 5000, 0)));
        assertThat(plan.tileCount()).isLessThanOrEqualTo(ThumbnailPlan.MAX_TILES);
        assertThat(plan.intervalSeconds()).isEqualTo(72);
        assertThat(plan.columns()).isEqualTo(10);
        assertThat(plan.rows()).isEqualTo(10);
        assertThat(plan.posterSeconds()).isEqualTo(ThumbnailPlan.MAX_POSTER_SECONDS);
    }

    @Test
    void of_oneFrame_takesPosterAtZeroAndOneTile() {
        ThumbnailPlan plan = ThumbnailPlan.of(media(0.04, 320, 240),
                List.of(new RenditionSpec("240p", 320, 240, 400, 0)));
        assertThat(plan.posterSeconds()).isZero();
        assertThat(plan.tileCount()).isEqualTo(1);
        assertThat(plan.webVtt("sprite.jpg")).contains("00:00:00.000 --> 00:00:00.040");
    }

    @Test
    void of_portrait_givesPortraitTiles() {
        ThumbnailPlan plan = ThumbnailPlan.of(media(3, 360, 640),
                List.of(new RenditionSpec("360p", 360, 640, 800, 0)));
        assertThat(plan.tileHeight()).isEqualTo(160);
        assertThat(plan.tileWidth()).isEqualTo(90);
    }

    @Test
    void webVtt_coversTheVideoWithFragmentsInsideTheSprite() {
        ThumbnailPlan plan = ThumbnailPlan.of(media(25.5, 1280, 720),
                List.of(new RenditionSpec("720p", 1280, 720, 2800, 0)));
        String vtt = plan.webVtt("sprite.jpg");
        assertThat(vtt).startsWith("WEBVTT\n");
        assertThat(vtt).contains("00:00:00.000 --> 00:00:01.000\nsprite.jpg#xywh=0,0,160,90");
        assertThat(vtt).contains("00:00:10.000 --> 00:00:11.000\nsprite.jpg#xywh=0,90,160,90");
        assertThat(vtt).contains("00:00:25.000 --> 00:00:25.500\nsprite.jpg#xywh=800,180,160,90");
        assertThat(plan.spriteWidth()).isEqualTo(1600);
        assertThat(plan.spriteHeight()).isEqualTo(270);
    }
}
