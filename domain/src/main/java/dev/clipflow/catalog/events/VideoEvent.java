package dev.clipflow.catalog.events;

import dev.clipflow.catalog.Video;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A change of a video that a user or another system cares about. Each event is published on the stack's event bus
 * with source {@value #SOURCE}, its {@link #detailType()} and its {@link #detail()}; the owner's id in every detail
 * is what delivery to browsers filters on.
 */
public sealed interface VideoEvent permits UploadCompleted, ProcessingStarted, StageStarted, StageProgressed,
        StageFinished, VideoPublished, VideoFailed, VideoEdited, VideoDeleted, VideoVisibilityChanged {

    /** The EventBridge {@code source} of every video event. */
    String SOURCE = "clipflow.videos";

    /** The {@code schemaVersion} of every detail this code writes; readers accept it and the previous one. */
    int SCHEMA_VERSION = 1;

    /** The video the event is about: its id, channel and owner, and the time of the change. */
    record Subject(String videoId, String channelId, String ownerId, Instant occurredAt) {
        public Subject {
            Objects.requireNonNull(videoId, "videoId");
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }

        public static Subject of(Video video, Instant occurredAt) {
            return new Subject(video.videoId(), video.channelId(), video.ownerId(), occurredAt);
        }
    }

    Subject subject();

    /** The EventBridge {@code detail-type}, e.g. {@code Video Published}. */
    String detailType();

    /** The event's own fields, added to the common ones by {@link #detail()}. */
    Map<String, Object> fields();

    /**
     * The EventBridge {@code detail}: {@code schemaVersion}, {@code videoId}, {@code channelId}, {@code ownerId},
     * {@code occurredAt} (ISO-8601, UTC), then the event's own fields.
     */
    default Map<String, Object> detail() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schemaVersion", SCHEMA_VERSION);
        out.put("videoId", subject().videoId());
        out.put("channelId", subject().channelId());
        out.put("ownerId", subject().ownerId());
        out.put("occurredAt", subject().occurredAt().toString());
        out.putAll(fields());
        return out;
    }
}
