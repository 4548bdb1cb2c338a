package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.upload.VideoMetadata;
import java.time.Instant;
import java.util.Set;

/** The catalog's writes of a creator's edits (port; the videos table on AWS). */
public interface VideoEdits {

    /**
     * Sets {@code fields} of the video to their values in {@code metadata} (already validated), records {@code at}
     * as the edit time and adds one to the video's {@code revision}, in one conditional write: only if the video
     * exists, {@code ownerId} owns it and it is not being deleted or deleted. The video's lifecycle time
     * ({@code updatedAt}) is left alone. Throws {@link VideoNotFoundException} when the condition fails.
     */
    EditedVideo edit(String videoId, String ownerId, VideoMetadata metadata, Set<VideoChanges.Field> fields,
                     Instant at);
}
