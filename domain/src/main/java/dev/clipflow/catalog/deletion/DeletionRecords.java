package dev.clipflow.catalog.deletion;

import dev.clipflow.catalog.StepLog;
import dev.clipflow.catalog.Video;
import java.time.Instant;
import java.util.Set;

/** The catalog's record of a video's deletion, on the video's own record (port). */
public interface DeletionRecords extends StepLog<DeletionStep> {

    /**
     * Moves the video to DELETING from any status but DELETING and DELETED, in one conditional write, and returns it;
     * a video already DELETING or DELETED is returned unchanged.
     */
    Video markDeleting(String videoId);

    /** The steps recorded as done on a DELETING or DELETED video (empty for any other). */
    @Override
    Set<DeletionStep> done(String videoId);

    /**
     * Records {@code step} as done (idempotent).
     *
     * @throws VideoNotDeletingException when the video is not DELETING or DELETED
     */
    @Override
    void recordDone(String videoId, DeletionStep step);

    /**
     * DELETING -> DELETED: removes the title, description, tags, renditions and assets, and sets {@code expiresAt}
     * (the table's TTL removes the tombstone then); returns the tombstone. A repeat returns it unchanged.
     */
    Video tombstone(String videoId, Instant expiresAt);
}
