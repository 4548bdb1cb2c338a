package dev.clipflow.catalog;

import java.util.Set;

/**
 * Per-channel upload limits, checked before any byte is stored (upload API) and again on the
 * object that actually arrived (ingest).
 *
 * @param maxBytes            the largest upload accepted
 * @param allowedContentTypes MIME types accepted for uploads
 * @param uploadsPerDay       uploads a channel may start per UTC day
 */
public record ChannelLimits(long maxBytes, Set<String> allowedContentTypes, int uploadsPerDay) {
    /** 5 GiB, the common video containers, 50 uploads a day. */
    public static final ChannelLimits DEFAULT = new ChannelLimits(
            5L * 1024 * 1024 * 1024,
            Set.of("video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-msvideo", "video/mpeg"),
            50);

    public ChannelLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (uploadsPerDay < 0) {
            throw new IllegalArgumentException("uploadsPerDay must not be negative");
        }
        allowedContentTypes = Set.copyOf(allowedContentTypes);
    }
}
