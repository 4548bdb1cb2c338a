package dev.clipflow.discovery;

import dev.clipflow.pipeline.TransientStageException;

/**
 * Thrown when an edited video is not in the term index yet: its pipeline's recommendation branch has not indexed it
 * (it will, from the record's current text) or failed for good. Transient: a retry after the branch ran finds it; a
 * video whose branch failed ends in the queue's dead-letter queue.
 */
public class VideoNotIndexedException extends TransientStageException {
    public VideoNotIndexedException(String videoId) {
        super("Video " + videoId + " is not in the term index yet");
    }
}
