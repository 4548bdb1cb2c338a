package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ChannelRepository} in memory (test double). */
final class InMemoryChannels implements ChannelRepository {
    final Map<String, Channel> channels = new HashMap<>();
    final Map<String, Integer> counters = new HashMap<>();

    @Override
    public void create(Channel channel) {
        if (channels.putIfAbsent(channel.channelId(), channel) != null) {
            throw new IllegalStateException("taken");
        }
    }

    @Override
    public Optional<Channel> find(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    @Override
    public boolean tryCountUpload(String channelId, LocalDate day, int limit) {
        String key = channelId + "#" + day;
        int count = counters.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        counters.put(key, count + 1);
        return true;
    }

    int counted(String channelId, LocalDate day) {
        return counters.getOrDefault(channelId + "#" + day, 0);
    }
}
