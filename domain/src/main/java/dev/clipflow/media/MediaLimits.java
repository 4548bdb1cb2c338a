package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;
import java.util.Locale;

/**
 * What the pipeline accepts, checked by the probe before anything is decoded in full or encoded. Long sources are
 * transcoded in chunks (docs/adr/0008), so the duration limit is a product and cost choice, not Lambda's
 * 15 minutes; a channel may have a lower one. The other limits stop decode bombs: a small file that asks the
 * decoder for huge frames, or very many of them, would use a transcode function's memory and time for nothing
 * (docs/adr/0011).
 *
 * @param maxDurationSeconds longest accepted source
 * @param maxLongSide        largest accepted long side of the display size, in pixels
 * @param maxFrameRate       most frames per second accepted (the stream's average rate)
 * @param maxCodedSide       largest accepted stored (coded) width and height, in pixels, before the sample
 *                           aspect ratio and rotation are applied: what the decoder allocates
 * @param maxPixelRate       most coded pixels per second accepted (width x height x frame rate)
 */
public record MediaLimits(double maxDurationSeconds, int maxLongSide, double maxFrameRate, int maxCodedSide,
                          long maxPixelRate) {
    /** 4 hours. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 4 * 3600;
    /** 4096 pixels: DCI 4K, the largest picture the ladder's top rung (2160p) is made from. */
    public static final int DEFAULT_MAX_LONG_SIDE = 4096;
    /** 120 frames per second: the fastest common camera and phone recording that plays as normal-speed video. */
    public static final double DEFAULT_MAX_FRAME_RATE = 120;
    /** 4096 x 4096 coded: DCI 4K wide, a square 4K picture high (H.264 level 5.2's largest frame is 4096 x 2304). */
    public static final int DEFAULT_MAX_CODED_SIDE = 4096;
    /**
     * 4096 x 2160 at 60 fps (DCI 4K60, 530,841,600 pixels/s): the most any accepted picture size and frame rate
     * decode per second; 4K at 120 fps, or 1080p above 255 fps, is refused.
     */
    public static final long DEFAULT_MAX_PIXEL_RATE = 4096L * 2160 * 60;
    /** 4 hours, 4096 pixels (DCI 4K), 120 fps, 4096 x 4096 coded, the pixel rate of DCI 4K60. */
    public static final MediaLimits DEFAULT = new MediaLimits(DEFAULT_MAX_DURATION_SECONDS, DEFAULT_MAX_LONG_SIDE);
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
        if (maxDurationSeconds <= 0 || maxLongSide <= 0 || !(maxFrameRate > 0) || maxCodedSide <= 0
                || maxPixelRate <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }

    /** A duration and display-size limit with the default frame rate, coded size and pixel rate limits. */
    public MediaLimits(double maxDurationSeconds, int maxLongSide) {
        this(maxDurationSeconds, maxLongSide, DEFAULT_MAX_FRAME_RATE, DEFAULT_MAX_CODED_SIDE, DEFAULT_MAX_PIXEL_RATE);
    }

    /** These limits with the duration lowered to {@code channelMaxSeconds} when that is set (positive) and lower. */
    public MediaLimits forChannel(Double channelMaxSeconds) {
        if (channelMaxSeconds == null || !(channelMaxSeconds > 0) || channelMaxSeconds >= maxDurationSeconds) {
            return this;
        }
        return new MediaLimits(channelMaxSeconds, maxLongSide, maxFrameRate, maxCodedSide, maxPixelRate);
    }

    /**
     * Checks a probed source: the duration, the display size, then what a decoder would be asked to do (coded
     * size, frame rate, pixel rate).
     *
     * @throws MediaRejectedException with {@code TOO_LONG}, {@code TOO_LARGE}, {@code CODED_SIZE_TOO_LARGE},
     *                                {@code FRAME_RATE_TOO_HIGH} or {@code PIXEL_RATE_TOO_HIGH}
     */
    public void check(MediaInfo media) {
        if (media.durationSeconds() > maxDurationSeconds) {
            throw new MediaRejectedException(MediaRejectionReason.TOO_LONG, String.format(Locale.ROOT,
                    "%.0f s; the maximum is %.0f s", media.durationSeconds(), maxDurationSeconds));
        }
        int longSide = Math.max(media.displayWidth(), media.displayHeight());
        if (longSide > maxLongSide) {
            throw new MediaRejectedException(MediaRejectionReason.TOO_LARGE, String.format(Locale.ROOT,
                    "%dx%d; the maximum is %d pixels on the long side",
                    media.displayWidth(), media.displayHeight(), maxLongSide));
        }
        if (media.width() > maxCodedSide || media.height() > maxCodedSide) {
            throw new MediaRejectedException(MediaRejectionReason.CODED_SIZE_TOO_LARGE, String.format(Locale.ROOT,
                    "stored %dx%d; the maximum is %d pixels each way", media.width(), media.height(), maxCodedSide));
        }
        if (media.frameRate() > maxFrameRate) {
            throw new MediaRejectedException(MediaRejectionReason.FRAME_RATE_TOO_HIGH, String.format(Locale.ROOT,
                    "%.1f fps; the maximum is %.0f fps", media.frameRate(), maxFrameRate));
        }
        double pixelRate = (double) media.width() * media.height() * media.frameRate();
        if (pixelRate > maxPixelRate) {
            throw new MediaRejectedException(MediaRejectionReason.PIXEL_RATE_TOO_HIGH, String.format(Locale.ROOT,
                    "%dx%d at %.1f fps is %.0f pixels/s; the maximum is %d", media.width(),
                    media.height(), media.frameRate(), pixelRate, maxPixelRate));
        }
    }
}
