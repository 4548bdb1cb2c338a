package dev.clipflow.discovery;

/**
 * What indexing one published video did.
 *
 * @param alreadyProcessed the video was indexed and had its list before: nothing changed
 * @param neighboursUpdated related lists of other videos that took this one in
 */
public record RelatedUpdate(String videoId, boolean alreadyProcessed, int terms, int candidates, int related,
                            int neighboursUpdated) {
}
