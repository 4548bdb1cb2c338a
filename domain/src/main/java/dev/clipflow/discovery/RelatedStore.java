package dev.clipflow.discovery;

import java.util.Optional;

/** The discovery context's store of related lists (port). */
public interface RelatedStore {

    Optional<RelatedList> find(String videoId);

    /**
     * Stores {@code list} as version {@code expectedVersion + 1} if the stored version is
     * {@code expectedVersion} (0: no list stored yet); returns false and changes nothing otherwise.
     */
    boolean save(RelatedList list, long expectedVersion);
}
