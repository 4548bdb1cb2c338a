package dev.clipflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.pipeline.MediaInfo;
import org.junit.jupiter.api.Test;

class MediaLimitsTest {
    private final MediaLimits limits = new MediaLimits(600, 4096);

    private static MediaInfo media(double duration, int w, int h) {
        return new MediaInfo(duration, w, h, 0, w, h, 25, "h264", "aac", 1_000_000, "mp4");
    }

    @Test
    void check_withinLimits_passes() {
        assertThatCode(() -> limits.check(media(600, 3840, 2160))).doesNotThrowAnyException();
    }

    @Test
    void check_tooLong_isRejectedWithAReadableMessage() {
        assertThatThrownBy(() -> limits.check(media(601, 1280, 720)))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("longer than the maximum")
                .hasMessageContaining("601 s")
                .extracting(e -> ((MediaRejectedException) e).reason()).isEqualTo(MediaRejectionReason.TOO_LONG);
    }

    @Test
    void check_tooLarge_isRejected() {
        assertThatThrownBy(() -> limits.check(media(10, 7680, 4320)))
                .extracting(e -> ((MediaRejectedException) e).reason()).isEqualTo(MediaRejectionReason.TOO_LARGE);
    }

    private static MediaInfo media(int w, int h, int displayW, int displayH, double fps) {
        return new MediaInfo(10, w, h, 0, displayW, displayH, fps, "h264", null, 1_000_000, "mp4");
    }

    private static MediaRejectionReason rejection(MediaInfo media) {
        try {
            MediaLimits.DEFAULT.check(media);
            return null;
        } catch (MediaRejectedException e) {
            return e.reason();
        }
    }

    @Test
    void check_defaults_acceptCommonRecordings() {
        assertThatCode(() -> MediaLimits.DEFAULT.check(media(3840, 2160, 3840, 2160, 60))).doesNotThrowAnyException();
        assertThatCode(() -> MediaLimits.DEFAULT.check(media(4096, 2160, 4096, 2160, 60))).doesNotThrowAnyException();
        assertThatCode(() -> MediaLimits.DEFAULT.check(media(1920, 1080, 1920, 1080, 120))).doesNotThrowAnyException();
        assertThatCode(() -> MediaLimits.DEFAULT.check(media(1080, 1920, 1080, 1920, 30000.0 / 1001)))
                .doesNotThrowAnyException();
    }

    @Test
    void check_moreFramesPerSecondThanTheMaximum_isRejectedAsFrameRateTooHigh() {
        assertThat(rejection(media(320, 240, 320, 240, 240))).isEqualTo(MediaRejectionReason.FRAME_RATE_TOO_HIGH);
    }

    @Test
    void check_storedPictureLargerThanTheMaximumButDisplayedSmall_isRejectedAsCodedSizeTooLarge() {
        assertThat(rejection(media(8192, 128, 128, 128, 25))).isEqualTo(MediaRejectionReason.CODED_SIZE_TOO_LARGE);
        assertThat(rejection(media(128, 4100, 128, 128, 25))).isEqualTo(MediaRejectionReason.CODED_SIZE_TOO_LARGE);
    }

    @Test
    void check_sizeAndRateEachAllowedButTogetherAboveTheMaximum_isRejectedAsPixelRateTooHigh() {
        assertThat(rejection(media(4096, 2160, 4096, 2160, 100))).isEqualTo(MediaRejectionReason.PIXEL_RATE_TOO_HIGH);
        assertThat(rejection(media(3840, 2160, 3840, 2160, 120))).isEqualTo(MediaRejectionReason.PIXEL_RATE_TOO_HIGH);
    }

    @Test
    void forChannel_keepsTheDecoderLimits() {
        MediaLimits strict = new MediaLimits(600, 4096, 60, 2048, 1920L * 1080 * 60).forChannel(300.0);

        assertThat(strict).isEqualTo(new MediaLimits(300, 4096, 60, 2048, 1920L * 1080 * 60));
    }
}
