package dev.clipflow.unlisting;

/**
 * What un-listing one video removed (all zero / false on a repeat).
 *
 * @param feedEntries  feed and timeline entries
 * @param relatedLists other videos' related lists that held it
 * @param unindexed    whether it was still in the term index
 * @param coViewPairs  co-view pairs with other videos (each counted once, both directions removed)
 * @param watches      viewers' history entries
 */
public record UnlistReport(String videoId, int feedEntries, int relatedLists, boolean unindexed, int coViewPairs,
                           int watches) {
}
