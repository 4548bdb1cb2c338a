package dev.clipflow.catalog.edit;

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
     * conditional write: only if the video exists, {@code ownerId} owns it and it is not being deleted or deleted,
     * and, when {@code fields} contains {@link VideoChanges.Field#VISIBILITY}, only while it is
     * {@code AWAITING_UPLOAD}. The video's lifecycle time ({@code updatedAt}) is left alone.
     *
     * @param visibility the new visibility; read only when {@code fields} contains it
     * @throws VideoNotFoundException when the video does not exist, is not the owner's or is (being) deleted
     * @throws VideoVisibilityFixedException when the visibility is to change and the video's upload has completed;
     *                                       nothing is written
     */
    EditedVideo edit(String videoId, String ownerId, VideoMetadata metadata, Visibility visibility,
                     Set<VideoChanges.Field> fields, Instant at);
}
