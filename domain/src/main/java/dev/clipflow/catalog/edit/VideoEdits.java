package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.upload.VideoMetadata;
import java.time.Instant;
import java.util.Set;

/** The catalog's writes of a creator's edits (port; the videos table on AWS). */
public interface VideoEdits {

    /**
     * Sets {@code fields} of the video to their values in {@code metadata} (already validated) and
     * {@code visibility}, records {@code at} as the edit time and adds one to the video's {@code revision}, in one
     * conditional write: only if the video exists, {@code ownerId} owns it and it is not being deleted or deleted;
     * when {@code fields} contains {@link VideoChanges.Field#VISIBILITY}, only while it is {@code AWAITING_UPLOAD};
     * and when {@code change} is given, only while it is {@code PUBLISHED} with visibility {@code change.from()} and
     * no change in progress, which the write records as the video's pending {@link Video#visibilityChange()}. The
     * video's lifecycle time ({@code updatedAt}) is left alone.
     *
     * @param visibility the new visibility; read only when {@code fields} contains it
     * @param change     the visibility change to record as pending; null for none
     * @throws VideoNotFoundException when the video does not exist, is not the owner's or is (being) deleted
     * @throws VideoVisibilityFixedException when the visibility is to change and the video is neither awaiting its
     *                                       upload nor PUBLISHED; nothing is written
     * @throws VideoVisibilityChangingException when {@code change} is given and another change is in progress or the
     *                                       visibility is no longer {@code change.from()}; nothing is written
     */
    EditedVideo edit(String videoId, String ownerId, VideoMetadata metadata, Visibility visibility,
                     Set<VideoChanges.Field> fields, Video.VisibilityChange change, Instant at);
}
