package dev.clipflow.discovery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The discovery context's inverted index of terms to videos, with document frequencies (port). */
public interface TermIndex {

    /**
     * Adds the video under each of its terms and counts it once in each term's document frequency
     * and in the document count, atomically, its marker recording its terms at revision 0; returns false and
     * changes nothing when the video is already indexed.
     */
    boolean add(IndexedVideo video);

    /**
     * Takes the video out of the index: its postings, one count off each of its terms' document frequencies and off
     * the document count, and its marker, atomically; returns false and changes nothing when it is not indexed.
     */
    boolean remove(String videoId);

    /** The most recently published videos under {@code term}, at most {@code limit}, newest first. */
    List<Posting> postings(String term, int limit);

    /** How many indexed videos carry each term (0 for unknown terms). */
    Map<String, Long> documentFrequencies(Collection<String> terms);

    /** How many videos are indexed. */
    long documentCount();

    /** A video's entry as its marker records it (consistent read); empty when the video is not indexed. */
    Optional<IndexedTerms> indexed(String videoId);

    /**
     * Applies {@code change} atomically if the marker's version is {@link TermsChange#expectedVersion()} and the
     * video's related list is at {@code change.ownList().version()}; returns false and changes nothing otherwise.
     * At most {@link TermsChange#MAX_ITEMS} items.
     */
    boolean apply(TermsChange change);
}
