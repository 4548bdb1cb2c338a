package dev.clipflow.cost;

import dev.clipflow.media.HlsTiming;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The most one video may cost to transcode and store, checked by the probe before any encoding: the transcode
 * stage's usage is forecast from the probed source with the measured encode rate ({@link #forecast}), priced by
 * the {@link CostEstimator}, and a source whose forecast is above the ceiling is refused with
 * {@code COST_ABOVE_CEILING}. The deployment sets the default (template parameter {@code MaxVideoCostUsd}); a
 * channel may have its own ceiling, higher or lower ({@code ChannelLimits.maxCostUsd}). docs/cost-model.md.
 *
 * @param defaultMaxUsd the ceiling of channels without their own, in US dollars
 */
public record CostCeiling(BigDecimal defaultMaxUsd) {
    /** 5 US dollars: a 4-hour 1080p25 upload (about 2.9 USD forecast) passes, a 4-hour 4K60 one does not. */
    public static final BigDecimal DEFAULT_MAX_USD = new BigDecimal("5.00");
    /**
     * vCPU-seconds per source second of the five-rung ladder of a 1080p25 source, one pass, measured
     * (docs/benchmarks/chunked-transcode.md: 4.524 one pass, 4.436 chunked; the slower one).
     */
    public static final double VCPU_SECONDS_PER_SOURCE_SECOND = 4.524;
    /** The measured source's frame rate and its ladder's pixels per frame (1080p, 720p, 480p, 360p, 240p). */
    static final double REFERENCE_FRAME_RATE = 25;
    static final long REFERENCE_LADDER_PIXELS = 1920L * 1080 + 1280L * 720 + 854L * 480 + 640L * 360 + 426L * 240;
    /** The transcode functions' memory (template.yaml) and its vCPUs, used at the benchmark's 75% efficiency. */
    static final int MEMORY_MB = 10_240;
    static final double VCPUS = 6;
    static final double EFFICIENCY = 0.75;
    /** Objects besides the segments: each rendition's playlist, the master playlist, poster, sprite, index. */
    static final int FIXED_OBJECTS = 4;

    public CostCeiling {
        Objects.requireNonNull(defaultMaxUsd, "defaultMaxUsd");
        if (defaultMaxUsd.signum() <= 0) {
            throw new IllegalArgumentException("The cost ceiling must be positive: " + defaultMaxUsd);
        }
    }

    /**
     * The transcode stage's forecast usage: encode CPU time in proportion to the source's frames and the ladder's
     * pixels per frame, against the measured reference; billed at {@link #MEMORY_MB} spread over its vCPUs at
     * {@link #EFFICIENCY}; the segments stored at the ladder's planned bit rates for one month, one PUT per segment.
     */
    public static StageUsage forecast(MediaInfo media, List<RenditionSpec> ladder) {
        double seconds = media.pictureEndSeconds();
        double frameRate = media.frameRate() > 0 ? media.frameRate() : REFERENCE_FRAME_RATE;
        long ladderPixels = ladder.stream().mapToLong(r -> (long) r.width() * r.height()).sum();
        double vcpuSeconds = VCPU_SECONDS_PER_SOURCE_SECOND * seconds * (frameRate / REFERENCE_FRAME_RATE)
                * ((double) ladderPixels / REFERENCE_LADDER_PIXELS);
        long millis = (long) Math.ceil(vcpuSeconds / (VCPUS * EFFICIENCY) * 1000);
        long kbps = ladder.stream().mapToLong(r -> r.videoKbps() + (media.hasAudio() ? r.audioKbps() : 0)).sum();
        long bytes = (long) (kbps * 1000 / 8.0 * seconds);
        long segments = (long) Math.ceil(seconds / HlsTiming.SEGMENT_SECONDS) * ladder.size();
        return new StageUsage("transcode", 1, Math.max(1, millis), MEMORY_MB, 0, bytes,
                segments + ladder.size() + FIXED_OBJECTS, 0L);
    }

    /** The ceiling for a channel: its own when set (positive), else the default. */
    public BigDecimal forChannel(BigDecimal channelMaxUsd) {
        return channelMaxUsd != null && channelMaxUsd.signum() > 0 ? channelMaxUsd : defaultMaxUsd;
    }

    /**
     * Checks the forecast of transcoding {@code media} into {@code ladder} against the channel's ceiling.
     *
     * @return the forecast cost in US dollars
     * @throws MediaRejectedException with {@code COST_ABOVE_CEILING} when it is above the ceiling
     */
    public BigDecimal check(MediaInfo media, List<RenditionSpec> ladder, BigDecimal channelMaxUsd,
                            CostEstimator costs) {
        BigDecimal forecast = costs.stageCost(forecast(media, ladder)).total();
        BigDecimal ceiling = forChannel(channelMaxUsd);
        if (forecast.compareTo(ceiling) > 0) {
            throw new MediaRejectedException(MediaRejectionReason.COST_ABOVE_CEILING, String.format(
                    "forecast %s USD to transcode and store; the ceiling is %s USD",
                    forecast.stripTrailingZeros().toPlainString(), ceiling.stripTrailingZeros().toPlainString()));
        }
        return forecast;
    }
}
