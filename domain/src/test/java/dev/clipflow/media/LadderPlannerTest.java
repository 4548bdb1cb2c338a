package dev.clipflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {
    private final LadderPlanner planner = new LadderPlanner();

    static MediaInfo media(int w, int h, int rotation, boolean audio, double fps) {
        boolean swap = rotation == 90 || rotation == 270;
        return new MediaInfo(10, w, h, rotation, swap ? h : w, swap ? w : h, fps, "h264",
                audio ? "aac" : null, 1_000_000, "mov,mp4,m4a,3gp,3g2,mj2");
    }

    private static List<String> sizes(List<RenditionSpec> ladder) {
        return ladder.stream().map(r -> r.name() + "=" + r.width() + "x" + r.height()).toList();
    }

    @Test
    void plan_1080pLandscape_givesFiveRungsUpTo1080p() {
        List<RenditionSpec> ladder = planner.plan(media(1920, 1080, 0, true, 30));
        assertThat(sizes(ladder)).containsExactly(
                "240p=426x240", "360p=640x360", "480p=854x480", "720p=1280x720", "1080p=1920x1080");
        assertThat(ladder).extracting(RenditionSpec::videoKbps).containsExactly(400, 800, 1400, 2800, 5000);
        assertThat(ladder).allSatisfy(r -> assertThat(r.audioKbps()).isPositive());
    }

    @Test
    void plan_720pSource_neverUpscales() {
        List<RenditionSpec> ladder = planner.plan(media(1280, 720, 0, true, 25));
        assertThat(sizes(ladder)).containsExactly("240p=426x240", "360p=640x360", "480p=854x480", "720p=1280x720");
    }

    @Test
    void plan_4kSource_stopsAtTheTopRung() {
        assertThat(sizes(planner.plan(media(3840, 2160, 0, true, 30)))).last().isEqualTo("1080p=1920x1080");
    }

    @Test
    void plan_portraitSource_givesPortraitRenditions() {
        List<RenditionSpec> ladder = planner.plan(media(720, 1280, 0, true, 30));
        assertThat(sizes(ladder)).containsExactly("240p=240x426", "360p=360x640", "480p=480x854", "720p=720x1280");
        assertThat(ladder).allSatisfy(r -> assertThat(r.height()).isGreaterThan(r.width()));
    }

    @Test
    void plan_rotatedPhoneVideo_usesTheDisplaySize() {
        List<RenditionSpec> ladder = planner.plan(media(1920, 1080, 90, true, 30));
        assertThat(sizes(ladder)).last().isEqualTo("1080p=1080x1920");
    }

    @Test
    void plan_oddDimensions_givesEvenSizesAndATopRenditionAtTheSourceSize() {
        List<RenditionSpec> ladder = planner.plan(media(641, 359, 0, true, 25));
        assertThat(sizes(ladder)).containsExactly("240p=428x240", "358p=640x358");
        assertThat(ladder).allSatisfy(r -> {
            assertThat(r.width() % 2).isZero();
            assertThat(r.height() % 2).isZero();
            assertThat(r.width()).isLessThanOrEqualTo(641);
            assertThat(r.height()).isLessThanOrEqualTo(359);
        });
    }

    @Test
    void plan_sourceJustAboveARung_addsNoTopRendition() {
        assertThat(sizes(planner.plan(media(1920, 800, 0, true, 25)))).containsExactly(
                "240p=576x240", "360p=864x360", "480p=1152x480", "720p=1728x720");
    }

    @Test
    void plan_sourceBelowTheLowestRung_givesOneRenditionAtItsOwnSize() {
        assertThat(sizes(planner.plan(media(201, 151, 0, true, 25)))).containsExactly("150p=200x150");
        assertThat(sizes(planner.plan(media(120, 160, 0, true, 25)))).containsExactly("120p=120x160");
    }

    @Test
    void plan_noAudio_plansNoAudioBitrate() {
        assertThat(planner.plan(media(1280, 720, 0, false, 25)))
                .allSatisfy(r -> assertThat(r.audioKbps()).isZero());
    }

    @Test
    void plan_highFrameRate_raisesVideoBitrate() {
        RenditionSpec at30 = planner.plan(media(1280, 720, 0, true, 30)).getLast();
        RenditionSpec at60 = planner.plan(media(1280, 720, 0, true, 60)).getLast();
        assertThat(at60.videoKbps()).isEqualTo(at30.videoKbps() * 3 / 2);
    }

    @Test
    void plan_squareSource_scalesBitrateWithPixels() {
        RenditionSpec square = planner.plan(media(720, 720, 0, true, 30)).getLast();
        assertThat(square.name()).isEqualTo("720p");
        assertThat(square.videoKbps()).isBetween(1800, 2200);
    }

    @Test
    void plan_noDisplaySize_isRefused() {
        assertThatThrownBy(() -> planner.plan(media(0, 0, 0, true, 25)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
