package dev.clipflow.discovery;

/**
 * What indexing one published video did.
 *
 * @param alreadyProcessed the video was indexed and had its list before: nothing changed
 * @param neighboursUpdated related lists of other videos that took this one in
 */
public record RelatedUpdate(String videoId, boolean alreadyProcessed, int terms, int candidates, int related,
                            int neighboursUpdated) {

    /** A video that is not listed (UNLISTED or PRIVATE) is not indexed: nothing changed. */
    public static RelatedUpdate notListed(String videoId) {
        return new RelatedUpdate(videoId, false, 0, 0, 0, 0);
    }
}
