package dev.clipflow.catalog.upload;

import java.util.List;

/** A creator's request to upload a video (as sent; {@link VideoUploads#start} validates it). */
public record NewVideo(String channelId, String title, String description, List<String> tags, long sizeBytes,
                       String contentType, String fileName) {
}
