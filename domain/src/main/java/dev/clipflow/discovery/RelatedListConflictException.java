package dev.clipflow.discovery;

import dev.clipflow.pipeline.TransientStageException;

/**
 * Thrown when a related list kept changing under concurrent publishes through every optimistic
 * retry. Transient: running the update again succeeds once the burst is over.
 */
public class RelatedListConflictException extends TransientStageException {
    public RelatedListConflictException(String videoId) {
        super("The related list of video " + videoId + " kept changing concurrently; try again");
    }
}
