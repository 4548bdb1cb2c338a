package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.events.VideoEdited;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.upload.VideoMetadata;
import dev.clipflow.catalog.visibility.VisibilityChangeExecutions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A creator edits a video's title, description, tags or visibility. The changed text fields are validated exactly as
 * at upload ({@link VideoMetadata}, with the unchanged fields as they are), written in one conditional write ({@link
 * VideoEdits}) and announced as {@code Video Edited} with the video's whole text at the new revision, after the
 * write. Anyone but the owner, and an unknown or deleted video, get {@link VideoNotFoundException}.
 *
 * <p>The visibility: while the video is {@code AWAITING_UPLOAD} it is set at once (ingest copies it into the
 * pipeline's input when the upload completes). Once it is {@code PUBLISHED} a different visibility is recorded as the
 * video's pending change in the same write and the {@code VideoVisibilityChange} workflow is started, which moves the
 * media and switches the record ({@link EditedVideo#visibilityChangeStarted()}); the same visibility as now changes
 * nothing; the visibility a change in progress goes to looks at its workflow: running or succeeded, nothing more;
 * ended unfinished (a step failed for good), restarted under its next attempt, which goes on where the last one
 * stopped ({@link VisibilityChangeExecutions#resume}); any other visibility is refused
 * ({@link VideoVisibilityChangingException}). While the media is being written or was never written (PROCESSING,
 * FAILED) it is refused ({@link VideoVisibilityFixedException}). A refused edit stores nothing. An edit of a published
 * video that changes nothing but its visibility publishes no {@code Video Edited} (its text is unchanged; {@code Video
 * Visibility Changed} follows the switch).
 */
public final class VideoEditing {
    private final VideoRepository videos;
    private final VideoEdits edits;
    private final VideoEvents events;
    private final Clock clock;
    private final VisibilityChangeExecutions visibilityChanges;

    public VideoEditing(VideoRepository videos, VideoEdits edits, VideoEvents events, Clock clock,
                        VisibilityChangeExecutions visibilityChanges) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visibilityChanges = Objects.requireNonNull(visibilityChanges, "visibilityChanges");
    }

    /**
     * @throws VideoChangesEmptyException when {@code changes} sets no field
     * @throws dev.clipflow.catalog.upload.VideoMetadataInvalidException naming the first invalid field
     * @throws VideoVisibilityFixedException when {@code changes} sets the visibility of a PROCESSING or FAILED video
     * @throws VideoVisibilityChangingException when {@code changes} sets a visibility while another change is in
     *                                          progress
     */
    public EditedVideo edit(String userId, String videoId, VideoChanges changes) {
        Set<VideoChanges.Field> fields = changes.fields();
        if (fields.isEmpty()) {
            throw new VideoChangesEmptyException();
        }
        Video current = videos.find(videoId).filter(v -> v.ownerId().equals(userId))
                .orElseThrow(() -> new VideoNotFoundException(videoId));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Visibility wanted = changes.visibility();
        Set<VideoChanges.Field> stored = EnumSet.copyOf(fields);
        Video.VisibilityChange requested = null;
        Video.VisibilityChange pending = null;
        if (wanted != null && current.status() == VideoStatus.PUBLISHED) {
            stored.remove(VideoChanges.Field.VISIBILITY);
            pending = current.visibilityChange();
            if (pending != null && pending.to() != wanted) {
                throw new VideoVisibilityChangingException(videoId, pending.to());
            }
            if (pending == null && wanted != current.visibility()) {
                requested = new Video.VisibilityChange(current.visibility(), wanted, at);
            }
        } else if (wanted != null && current.status() != VideoStatus.AWAITING_UPLOAD
                && !current.status().isDeleted()) {
            throw new VideoVisibilityFixedException(videoId, current.status());
        }
        VideoMetadata metadata = new VideoMetadata(
                changes.title() != null ? changes.title() : current.title(),
                changes.description() != null ? changes.description() : current.description(),
                changes.tags() != null ? changes.tags() : current.tags());
        EditedVideo edited = edits.edit(videoId, userId, metadata, wanted, stored, requested, at);
        Video v = edited.video();
        if (!stored.isEmpty()) {
            events.publish(new VideoEdited(VideoEvent.Subject.of(v, edited.editedAt()), v.status(),
                    v.visibility(), edited.revision(), v.title(), v.description(), v.tags()));
        }
        if (requested != null) {
            visibilityChanges.start(v, requested);
            return edited.startedChange(requested);
        }
        if (pending != null) {
            visibilityChanges.resume(v, pending);
            return edited.startedChange(pending);
        }
        return edited;
    }
}
