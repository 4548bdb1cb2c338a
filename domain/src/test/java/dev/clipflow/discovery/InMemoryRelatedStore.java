package dev.clipflow.discovery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link RelatedStore} in memory (test double). */
final class InMemoryRelatedStore implements RelatedStore {
    final Map<String, RelatedList> lists = new HashMap<>();

    @Override
    public synchronized Optional<RelatedList> find(String videoId) {
        return Optional.ofNullable(lists.get(videoId));
    }

    @Override
    public synchronized boolean save(RelatedList list, long expectedVersion) {
        long current = lists.containsKey(list.videoId()) ? lists.get(list.videoId()).version() : 0;
        if (current != expectedVersion) {
            return false;
        }
        lists.put(list.videoId(), new RelatedList(list.videoId(), list.items(), expectedVersion + 1));
        return true;
    }
}
