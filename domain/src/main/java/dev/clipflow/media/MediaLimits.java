package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;

/**
 * What the pipeline accepts. Long sources are transcoded in chunks (docs/adr/0008), so the duration
 * limit is a product and cost choice, not Lambda's 15 minutes; a channel may have a lower one.
 *
 * @param maxDurationSeconds longest accepted source
 * @param maxLongSide        largest accepted long side of the display size, in pixels
 */
public record MediaLimits(double maxDurationSeconds, int maxLongSide) {
    /** 4 hours. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 4 * 3600;
    /** 4 hours, 4096 pixels (DCI 4K). */
    public static final MediaLimits DEFAULT = new MediaLimits(DEFAULT_MAX_DURATION_SECONDS, 4096);
    /**
     * The longest source one transcode function finishes in one pass: 1080p at 60 fps (2.4x the frames of 25 fps,
     * 1.5x the bit rate), at the five-rung ladder's measured CPU time per source second spread over a 10,240 MB
     * function's 6 vCPU at a conservative 75% efficiency, within Lambda's 900 s less the function's upload
     * reserve (780 s for the download and the encode), rounded down to whole minutes. Measured and derived by
     * bench/chunked-transcode.sh: docs/benchmarks/chunked-transcode.md. Only sources up to this length may take the
     * one-pass path.
     */
    public static final double ONE_PASS_MAX_SECONDS = 300;

    public MediaLimits {
        if (maxDurationSeconds <= 0 || maxLongSide <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }

    /** These limits with the duration lowered to {@code channelMaxSeconds} when that is set (positive) and lower. */
    public MediaLimits forChannel(Double channelMaxSeconds) {
        if (channelMaxSeconds == null || !(channelMaxSeconds > 0) || channelMaxSeconds >= maxDurationSeconds) {
            return this;
        }
        return new MediaLimits(channelMaxSeconds, maxLongSide);
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
