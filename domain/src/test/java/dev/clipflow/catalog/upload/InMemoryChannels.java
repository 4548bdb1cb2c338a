package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ChannelRepository} in memory (test double). */
final class InMemoryChannels implements ChannelRepository {
    final Map<String, Channel> channels = new HashMap<>();

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
}
