package dev.clipflow.media;

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
}
