package dev.clipflow.ffmpeg;

/**
 * Thrown by the stitch step when the chunks do not make a whole video: a chunk's manifest is missing, its
 * renditions are not the ladder's, or no chunk wrote the poster. Permanent: the Map state completed, so the
 * same chunks would be found again.
 */
public class ChunksIncompleteException extends RuntimeException {
    public ChunksIncompleteException(String message) {
        super(message);
    }
}
