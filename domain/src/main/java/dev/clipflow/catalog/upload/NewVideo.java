package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Visibility;
import java.util.List;

/**
 * A creator's request to upload a video (as sent; {@link VideoUploads#start} validates it).
 *
 * @param durationSeconds the video's length as the creator declares it, null when not declared
 * @param visibility      {@code PUBLIC}, {@code UNLISTED} or {@code PRIVATE} as sent ({@link Visibility#parse}),
 *                        null for the default
 */
public record NewVideo(String channelId, String title, String description, List<String> tags, long sizeBytes,
                       String contentType, String fileName, Double durationSeconds, String visibility) {

    /** A request that chooses no visibility (the default). */
    public NewVideo(String channelId, String title, String description, List<String> tags, long sizeBytes,
                    String contentType, String fileName, Double durationSeconds) {
        this(channelId, title, description, tags, sizeBytes, contentType, fileName, durationSeconds, null);
    }

    /** A request that declares no length. */
    public NewVideo(String channelId, String title, String description, List<String> tags, long sizeBytes,
                    String contentType, String fileName) {
        this(channelId, title, description, tags, sizeBytes, contentType, fileName, null, null);
    }
}
