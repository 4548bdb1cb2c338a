package dev.clipflow.discovery;

/**
 * Thrown when a video's index marker does not record its terms (written before markers did): its postings cannot be
 * found to take them back, so it cannot be re-indexed until a backfill records them. Permanent.
 */
public class IndexedTermsUnknownException extends RuntimeException {
    public IndexedTermsUnknownException(String videoId) {
        super("The term index does not record which terms video " + videoId + " is indexed under");
    }
}
