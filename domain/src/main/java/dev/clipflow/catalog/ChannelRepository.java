package dev.clipflow.catalog;

import java.time.LocalDate;
import java.util.Optional;

/** The catalog's store of channels and their daily upload counters (port). */
public interface ChannelRepository {

    /** Stores a new channel; throws {@link IllegalStateException} if the id is taken. */
    void create(Channel channel);

    Optional<Channel> find(String channelId);

    /**
     * Atomically counts one upload for the channel on the given UTC day if fewer than
     * {@code limit} were counted; returns false (and counts nothing) when the limit is reached.
     */
    boolean tryCountUpload(String channelId, LocalDate day, int limit);
}
