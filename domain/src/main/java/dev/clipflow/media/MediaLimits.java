package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;

/**
 * What the pipeline accepts. The duration limit follows from Lambda's 15-minute limit and the
 * transcoder's measured speed (see docs/adr/0004-transcode-in-one-pass.md).
 *
 * @param maxDurationSeconds longest accepted source
 * @param maxLongSide        largest accepted long side of the display size, in pixels
 */
public record MediaLimits(double maxDurationSeconds, int maxLongSide) {
    /** 20 minutes, 4096 pixels (DCI 4K). */
    public static final MediaLimits DEFAULT = new MediaLimits(20 * 60, 4096);

    public MediaLimits {
        if (maxDurationSeconds <= 0 || maxLongSide <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }

    /**
     * Checks a probed source.
     *
     * @throws MediaRejectedException with {@code TOO_LONG} or {@code TOO_LARGE}
     */
    public void check(MediaInfo media) {
        if (media.durationSeconds() > maxDurationSeconds) {
            throw new MediaRejectedException(MediaRejectionReason.TOO_LONG, String.format(
                    "%.0f s; the maximum is %.0f s", media.durationSeconds(), maxDurationSeconds));
        }
        int longSide = Math.max(media.displayWidth(), media.displayHeight());
        if (longSide > maxLongSide) {
            throw new MediaRejectedException(MediaRejectionReason.TOO_LARGE, String.format(
                    "%dx%d; the maximum is %d pixels on the long side",
                    media.displayWidth(), media.displayHeight(), maxLongSide));
        }
    }
}
