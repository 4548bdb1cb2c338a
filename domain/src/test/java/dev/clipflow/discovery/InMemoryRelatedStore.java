package dev.clipflow.discovery;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link RelatedStore} in memory (test double), with the reverse references its contract asks for. */
public final class InMemoryRelatedStore implements RelatedStore {
    final Map<String, RelatedList> lists = new HashMap<>();
    final Map<String, Set<String>> references = new HashMap<>();

    @Override
    public synchronized Optional<RelatedList> find(String videoId) {
        return Optional.ofNullable(lists.get(videoId));
    }

    @Override
    public synchronized boolean save(RelatedList list, long expectedVersion, Collection<String> dropped) {
        long current = lists.containsKey(list.videoId()) ? lists.get(list.videoId()).version() : 0;
        if (current != expectedVersion) {
            return false;
        }
        lists.put(list.videoId(), new RelatedList(list.videoId(), list.items(), expectedVersion + 1));
        list.items().forEach(i -> references.computeIfAbsent(i.videoId(), k -> new HashSet<>()).add(list.videoId()));
        dropped.stream().filter(v -> !list.contains(v))
                .forEach(v -> references.getOrDefault(v, new HashSet<>()).remove(list.videoId()));
        return true;
    }

    @Override
    public synchronized List<String> holdersOf(String videoId) {
        return List.copyOf(references.getOrDefault(videoId, Set.of()));
    }

    @Override
    public synchronized void forget(String heldId, String ownerId) {
        references.getOrDefault(heldId, new HashSet<>()).remove(ownerId);
    }

    @Override
    public synchronized void delete(String videoId) {
        RelatedList own = lists.remove(videoId);
        if (own != null) {
            own.items().forEach(i -> references.getOrDefault(i.videoId(), new HashSet<>()).remove(videoId));
        }
    }
}
