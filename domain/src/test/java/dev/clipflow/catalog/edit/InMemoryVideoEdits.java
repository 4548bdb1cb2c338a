package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.upload.InMemoryVideos;
import dev.clipflow.catalog.upload.VideoMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@link VideoEdits} on an {@link InMemoryVideos} (test double): the owner's edits, a revision per video. */
final class InMemoryVideoEdits implements VideoEdits {
    private final InMemoryVideos videos;
    final Map<String, Long> revisions = new HashMap<>();

    InMemoryVideoEdits(InMemoryVideos videos) {
        this.videos = videos;
    }

    @Override
    public EditedVideo edit(String videoId, String ownerId, VideoMetadata m, Visibility visibility,
                            Set<VideoChanges.Field> fields, Video.VisibilityChange change, Instant at) {
        Video v = videos.find(videoId).filter(x -> x.ownerId().equals(ownerId) && !x.status().isDeleted())
                .orElseThrow(() -> new VideoNotFoundException(videoId));
        boolean changesVisibility = fields.contains(VideoChanges.Field.VISIBILITY);
        if (changesVisibility && v.status() != VideoStatus.AWAITING_UPLOAD) {
            throw new VideoVisibilityFixedException(videoId, v.status());
        }
        if (change != null && v.status() != VideoStatus.PUBLISHED) {
            throw new VideoVisibilityFixedException(videoId, v.status());
        }
        if (change != null && (v.visibilityChange() != null || v.visibility() != change.from())) {
            throw new VideoVisibilityChangingException(videoId, v.visibilityChange() == null ? null
                    : v.visibilityChange().to());
        }
        Video next = new Video(v.videoId(), v.channelId(), v.ownerId(),
                fields.contains(VideoChanges.Field.TITLE) ? m.title() : v.title(),
                fields.contains(VideoChanges.Field.DESCRIPTION) ? m.description() : v.description(),
                fields.contains(VideoChanges.Field.TAGS) ? m.tags() : v.tags(), v.declaredBytes(), v.contentType(),
                v.uploadKey(), v.uploadId(), v.status(), v.failureReason(), v.media(), v.renditions(), v.assets(),
                v.usage(), v.createdAt(), v.updatedAt(), v.branchFailures(), v.reservedSeconds(), v.progress(),
                changesVisibility ? visibility : v.visibility(), change != null ? change : v.visibilityChange());
        videos.replace(next);
        return new EditedVideo(next, revisions.merge(videoId, 1L, Long::sum), at);
    }
}
