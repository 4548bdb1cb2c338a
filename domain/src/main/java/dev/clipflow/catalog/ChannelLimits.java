package dev.clipflow.catalog;

import dev.clipflow.media.MediaLimits;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Per-channel upload limits, checked before any byte is stored (upload API) and again on the
 * object that actually arrived (ingest).
 *
 * @param maxBytes            the largest upload accepted
 * @param allowedContentTypes MIME types accepted for uploads
 * @param uploadsPerDay       uploads a channel may start per UTC day
 * @param maxDurationSeconds  the longest video accepted (checked by the probe stage, once the length is known)
 * @param maxCostUsd          the most one video may be forecast to cost to transcode and store, in US dollars
 *                            (checked by the probe stage, {@code CostCeiling}); null: the deployment's default
 */
public record ChannelLimits(long maxBytes, Set<String> allowedContentTypes, int uploadsPerDay,
                            double maxDurationSeconds, BigDecimal maxCostUsd) {
    /**
     * 20 GiB, the common video containers, 50 uploads a day, 4 hours: long videos are chunked (docs/adr/0008), and
     * 4 hours at up to about 11 Mbit/s fit. No stage copies a long upload whole (the probe and the chunks read it
     * by range; only one-pass sources, at most a few minutes, are downloaded).
     */
    public static final ChannelLimits DEFAULT = new ChannelLimits(
            20L * 1024 * 1024 * 1024,
            Set.of("video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-msvideo", "video/mpeg"),
            50, MediaLimits.DEFAULT_MAX_DURATION_SECONDS, null);

    public ChannelLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (uploadsPerDay < 0) {
            throw new IllegalArgumentException("uploadsPerDay must not be negative");
        }
        if (!(maxDurationSeconds > 0)) {
            throw new IllegalArgumentException("maxDurationSeconds must be positive");
        }
        if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
            throw new IllegalArgumentException("maxCostUsd must be positive when set");
        }
        maxCostUsd = maxCostUsd == null ? null : maxCostUsd.stripTrailingZeros();
        allowedContentTypes = Set.copyOf(allowedContentTypes);
    }

    /** Limits with the deployment's default cost ceiling. */
    public ChannelLimits(long maxBytes, Set<String> allowedContentTypes, int uploadsPerDay,
                         double maxDurationSeconds) {
        this(maxBytes, allowedContentTypes, uploadsPerDay, maxDurationSeconds, null);
    }

    /** Limits with the default duration limit. */
    public ChannelLimits(long maxBytes, Set<String> allowedContentTypes, int uploadsPerDay) {
        this(maxBytes, allowedContentTypes, uploadsPerDay, MediaLimits.DEFAULT_MAX_DURATION_SECONDS, null);
    }
}
