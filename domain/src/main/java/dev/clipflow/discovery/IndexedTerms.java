package dev.clipflow.discovery;

import java.util.Objects;

/**
 * A video's entry in the term index as its marker records it.
 *
 * @param video    what it is indexed under: its terms and weights, its norm, channel and publish time; its weights are
 *                 empty when {@code termsKnown} is false
 * @param termsKnown false when they cannot be known: a marker written before markers recorded their terms whose
 *                 postings do not add up to the count it holds (one whose postings do is read as known)
 * @param revision the catalog's edit revision its terms are from (0: as published, never edited)
 * @param version  the marker's write counter: every change of the entry is conditional on it
 */
public record IndexedTerms(IndexedVideo video, boolean termsKnown, long revision, long version) {
    public IndexedTerms {
        Objects.requireNonNull(video, "video");
    }
}
