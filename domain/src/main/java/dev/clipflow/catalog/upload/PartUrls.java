package dev.clipflow.catalog.upload;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A batch of presigned part URLs.
 *
 * @param nextPartNumber the first part of the next batch, null when this batch ends the upload
 * @param expiresAt      when these URLs stop working
 */
public record PartUrls(List<PartUrl> parts, Integer nextPartNumber, Instant expiresAt) {
    public PartUrls {
        parts = List.copyOf(parts);
    }

    /** One part's URL, which accepts exactly {@code sizeBytes} bytes (the part's size in the upload's plan). */
    public record PartUrl(int partNumber, long sizeBytes, URI url) {
    }
}
