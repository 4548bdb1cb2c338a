package dev.clipflow.catalog;

import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A video in the catalog: what the creator declared, where its upload is, its status, and once
 * transcoded its media facts, renditions, published assets and the resources each stage consumed.
 *
 * @param uploadKey    the object key in the uploads bucket ({@link dev.clipflow.media.MediaKeys})
 * @param uploadId     the S3 multipart upload id, null once completed or aborted
 * @param failureReason a sentence a person can read, set only when {@link VideoStatus#FAILED}
 * @param media        null until probed
 * @param renditions   empty until published
 * @param assets       null until published
 * @param usage        resources consumed per stage, keyed by stage name
 */
public record Video(
        String videoId,
        String channelId,
        String ownerId,
        String title,
        String description,
        List<String> tags,
        long declaredBytes,
        String contentType,
        String uploadKey,
        String uploadId,
        VideoStatus status,
        String failureReason,
        MediaInfo media,
        List<Rendition> renditions,
        PublishedAssets assets,
        Map<String, StageUsage> usage,
        Instant createdAt,
        Instant updatedAt) {

    public Video {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
        usage = usage == null ? Map.of() : Map.copyOf(usage);
    }

    /** Where a published video's assets are, as keys in the media bucket. */
    public record PublishedAssets(String masterPlaylistKey, String posterKey, String spriteKey, String spriteIndexKey) {
    }
}
