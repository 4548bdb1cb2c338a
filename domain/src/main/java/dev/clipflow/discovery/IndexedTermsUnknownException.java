package dev.clipflow.discovery;

/**
 * Thrown when a video's terms in the index cannot be known: its marker was written before markers recorded them, and
 * the postings found for it do not add up to the count the marker holds (an index damaged outside its transactions),
 * so they cannot all be taken back. Nothing is changed. Permanent.
 */
public class IndexedTermsUnknownException extends RuntimeException {
    public IndexedTermsUnknownException(String videoId) {
        super("The term index cannot tell which terms video " + videoId + " is indexed under: its marker "
                + "records none and its postings do not add up to the count it holds");
    }
}
