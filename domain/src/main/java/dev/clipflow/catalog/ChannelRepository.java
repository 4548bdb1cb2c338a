package dev.clipflow.catalog;

import java.util.Optional;

/** The catalog's store of channels (port); the counted writes are {@link dev.clipflow.catalog.upload.UploadQuotas}'. */
public interface ChannelRepository {

    /**
     * Stores a new channel without counting it (seeding, tests); throws {@link IllegalStateException} if the id is
     * taken.
     */
    void create(Channel channel);

    Optional<Channel> find(String channelId);
}
