package dev.clipflow.social;

import dev.clipflow.catalog.Page;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link SubscriptionStore} in memory (test double). */
final class InMemorySubscriptionStore implements SubscriptionStore {
    final Map<String, TreeMap<String, Subscription>> byChannel = new HashMap<>();
    final Map<String, Long> counts = new HashMap<>();
    final Set<String> celebrities = new HashSet<>();

    @Override
    public synchronized boolean subscribe(Subscription s) {
        var members = byChannel.computeIfAbsent(s.channelId(), c -> new TreeMap<>());
        if (members.putIfAbsent(s.viewerId(), s) != null) {
            return false;
        }
        counts.merge(s.channelId(), 1L, Long::sum);
        return true;
    }

    @Override
    public synchronized boolean unsubscribe(String viewerId, String channelId) {
        var members = byChannel.get(channelId);
        if (members == null || members.remove(viewerId) == null) {
            return false;
        }
        counts.merge(channelId, -1L, Long::sum);
        return true;
    }

    @Override
    public synchronized boolean isSubscribed(String viewerId, String channelId) {
        return byChannel.getOrDefault(channelId, new TreeMap<>()).containsKey(viewerId);
    }

    @Override
    public synchronized Page<Subscription> subscriptionsOf(String viewerId, String after, int limit) {
        List<Subscription> all = byChannel.values().stream()
                .map(m -> m.get(viewerId)).filter(s -> s != null)
                .filter(s -> after == null || s.channelId().compareTo(after) > 0)
                .sorted((a, b) -> a.channelId().compareTo(b.channelId()))
                .toList();
        List<Subscription> page = all.subList(0, Math.min(limit, all.size()));
        return new Page<>(page, all.size() > limit ? page.getLast().channelId() : null);
    }

    @Override
    public synchronized Page<String> subscribers(String channelId, String after, int limit) {
        var members = byChannel.getOrDefault(channelId, new TreeMap<>());
        List<String> all = (after == null ? members : members.tailMap(after, false)).keySet().stream().toList();
        List<String> page = all.subList(0, Math.min(limit, all.size()));
        return new Page<>(page, all.size() > limit ? page.getLast() : null);
    }

    @Override
    public synchronized ChannelAudience audience(String channelId) {
        return new ChannelAudience(channelId, counts.getOrDefault(channelId, 0L), celebrities.contains(channelId));
    }

    @Override
    public synchronized Map<String, ChannelAudience> audiences(Collection<String> channelIds) {
        Map<String, ChannelAudience> out = new HashMap<>();
        channelIds.forEach(c -> out.put(c, audience(c)));
        return out;
    }

    @Override
    public synchronized void markCelebrity(String channelId) {
        celebrities.add(channelId);
    }

    /** Adds {@code n} subscribers named viewer-00000.. without going through the service. */
    void addSubscribers(String channelId, int n) {
        for (int i = 0; i < n; i++) {
            subscribe(new Subscription(String.format("viewer-%05d", i), channelId, java.time.Instant.EPOCH));
        }
    }
}
