package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Video;

/** A created video awaiting its upload, how to cut the file, and the first batch of part URLs. */
public record StartedUpload(Video video, UploadPlan plan, PartUrls urls) {
}
