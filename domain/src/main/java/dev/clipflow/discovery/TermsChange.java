package dev.clipflow.discovery;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One atomic change of a video's entry in the term index, the difference between what it is indexed under and
 * {@code after}: the postings of {@code removed} terms deleted and their document frequencies decremented, a
 * posting written for every term of {@code after} (new weight and norm) and the document frequencies of
 * {@code added} terms incremented, the marker set to {@code after} at {@code revision}, and the video's own related
 * list replaced by {@code ownList} when there is one — all only if the marker's version is still
 * {@code expectedVersion} (and the list's still {@code ownList.version()}).
 *
 * @param ownList the video's new related list with the version it replaces (0: none stored), or null
 */
public record TermsChange(IndexedVideo after, long expectedVersion, long revision, Set<String> removed,
                          Set<String> added, RelatedList ownList) {
    /** DynamoDB's limit of items in one transaction. */
    public static final int MAX_ITEMS = 100;

    public TermsChange {
        Objects.requireNonNull(after, "after");
        removed = Set.copyOf(removed);
        added = Set.copyOf(added);
    }

    /** The change from {@code current} to {@code after}, written as {@code revision}. */
    public static TermsChange between(IndexedTerms current, IndexedVideo after, long revision, RelatedList ownList) {
        Set<String> removed = new HashSet<>(current.video().weights().keySet());
        removed.removeAll(after.weights().keySet());
        Set<String> added = new HashSet<>(after.weights().keySet());
        added.removeAll(current.video().weights().keySet());
        return new TermsChange(after, current.version(), revision, removed, added, ownList);
    }

    /**
     * The items the change writes: the marker, per removed term a posting and a document frequency, a posting per
     * term of {@code after}, a document frequency per added term, and the list.
     */
    public int items() {
        return 1 + 2 * removed.size() + after.weights().size() + added.size() + (ownList == null ? 0 : 1);
    }
}
