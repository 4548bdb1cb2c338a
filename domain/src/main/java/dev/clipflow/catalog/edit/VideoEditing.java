package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.events.VideoEdited;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.upload.VideoMetadata;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * A creator edits a video's title, description, tags or visibility. The changed text fields are validated exactly as
 * at upload ({@link VideoMetadata}, with the unchanged fields as they are), written in one conditional write ({@link
 * VideoEdits}) and announced as {@code Video Edited} with the video's whole text at the new revision, after the
 * write. Anyone but the owner, and an unknown or deleted video, get {@link VideoNotFoundException}. The visibility
 * can change only while the video is {@code AWAITING_UPLOAD}: ingest copies it from the record into the pipeline's
 * input when the upload completes, and the media prefix is fixed from then on ({@link VideoVisibilityFixedException},
 * nothing of the edit stored).
 */
public final class VideoEditing {
    private final VideoRepository videos;
    private final VideoEdits edits;
    private final VideoEvents events;
    private final Clock clock;

    public VideoEditing(VideoRepository videos, VideoEdits edits, VideoEvents events, Clock clock) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws VideoChangesEmptyException when {@code changes} sets no field
     * @throws dev.clipflow.catalog.upload.VideoMetadataInvalidException naming the first invalid field
     * @throws VideoVisibilityFixedException when {@code changes} sets the visibility of a video past its upload
     */
    public EditedVideo edit(String userId, String videoId, VideoChanges changes) {
        Set<VideoChanges.Field> fields = changes.fields();
        if (fields.isEmpty()) {
            throw new VideoChangesEmptyException();
        }
        Video current = videos.find(videoId).filter(v -> v.ownerId().equals(userId))
                .orElseThrow(() -> new VideoNotFoundException(videoId));
        if (fields.contains(VideoChanges.Field.VISIBILITY) && current.status() != VideoStatus.AWAITING_UPLOAD
                && !current.status().isDeleted()) {
            throw new VideoVisibilityFixedException(videoId, current.status());
        }
        VideoMetadata metadata = new VideoMetadata(
                changes.title() != null ? changes.title() : current.title(),
                changes.description() != null ? changes.description() : current.description(),
                changes.tags() != null ? changes.tags() : current.tags());
        EditedVideo edited = edits.edit(videoId, userId, metadata, changes.visibility(), fields, clock.instant());
        Video v = edited.video();
        events.publish(new VideoEdited(VideoEvent.Subject.of(v, edited.editedAt()), v.status(), edited.revision(),
                v.title(), v.description(), v.tags()));
        return edited;
    }
}
