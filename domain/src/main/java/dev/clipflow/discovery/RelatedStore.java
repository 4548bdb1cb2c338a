package dev.clipflow.discovery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The discovery context's store of related lists (port). A stored list also records, for each video in it, that
 * this list holds it (a reverse reference), so that a deleted video can be taken out of every list holding it.
 */
public interface RelatedStore {

    Optional<RelatedList> find(String videoId);

    /**
     * Stores {@code list} as version {@code expectedVersion + 1} if the stored version is
     * {@code expectedVersion} (0: no list stored yet); returns false and changes nothing otherwise.
     */
    default boolean save(RelatedList list, long expectedVersion) {
        return save(list, expectedVersion, List.of());
    }

    /**
     * As {@link #save(RelatedList, long)}, and in the same atomic write: records a reverse reference for every video
     * of {@code list} and drops the references of {@code dropped} (videos the list no longer holds).
     */
    boolean save(RelatedList list, long expectedVersion, Collection<String> dropped);

    /** The videos whose related lists hold {@code videoId} (from the reverse references; may include stale ones). */
    List<String> holdersOf(String videoId);

    /** Drops the reverse reference that {@code ownerId}'s list holds {@code heldId} (a stale one; idempotent). */
    void forget(String heldId, String ownerId);

    /** Deletes {@code videoId}'s own list and the reverse references of its items (idempotent). */
    void delete(String videoId);
}
