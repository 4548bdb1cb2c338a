package dev.clipflow.catalog.upload;

import java.util.List;

/**
 * A creator's request to upload a video (as sent; {@link VideoUploads#start} validates it).
 *
 * @param durationSeconds the video's length as the creator declares it, null when not declared
 */
public record NewVideo(String channelId, String title, String description, List<String> tags, long sizeBytes,
                       String contentType, String fileName, Double durationSeconds) {

    /** A request that declares no length. */
    public NewVideo(String channelId, String title, String description, List<String> tags, long sizeBytes,
                    String contentType, String fileName) {
        this(channelId, title, description, tags, sizeBytes, contentType, fileName, null);
    }
}
