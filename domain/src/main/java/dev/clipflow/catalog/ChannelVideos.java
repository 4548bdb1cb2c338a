package dev.clipflow.catalog;

import dev.clipflow.paging.SignedCursors;
import java.util.EnumSet;
import java.util.Objects;

/**
 * A channel's videos as a viewer may see them, newest first: the owner sees every video but deleted ones (DELETING,
 * DELETED), anyone else only listed ones (PUBLISHED and {@link Visibility#PUBLIC}). Page cursors are signed
 * ({@link SignedCursors}) for the channel and the viewer, so a cursor that was altered, made by hand or issued to
 * someone else is refused, never followed.
 */
public final class ChannelVideos {
    private final ChannelRepository channels;
    private final VideoRepository videos;
    private final SignedCursors cursors;

    public ChannelVideos(ChannelRepository channels, VideoRepository videos, SignedCursors cursors) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    /**
     * One page of at most {@code limit} (1 or more) videos; {@code cursor} null for the first page, else the
     * {@link Page#nextCursor()} of an earlier page this viewer was given for this channel.
     *
     * @throws ChannelNotFoundException                     for an unknown channel
     * @throws dev.clipflow.paging.CursorInvalidException   for a cursor not issued to this viewer for this channel
     * @throws dev.clipflow.paging.CursorExpiredException   for a cursor past its lifetime
     */
    public Page<Video> list(String viewerId, String channelId, String cursor, int limit) {
        Channel channel = channels.find(channelId).orElseThrow(() -> new ChannelNotFoundException(channelId));
        boolean owner = channel.isOwnedBy(viewerId);
        String scope = "channel-videos|" + channelId + "|" + viewerId;
        String position = cursor == null ? null : cursors.open(scope, cursor);
        Page<Video> page = owner
                ? videos.listByChannel(channelId,
                        EnumSet.complementOf(EnumSet.of(VideoStatus.DELETING, VideoStatus.DELETED)), position, limit)
                : videos.listListedByChannel(channelId, position, limit);
        return new Page<>(page.items(), page.nextCursor() == null ? null : cursors.issue(scope, page.nextCursor()));
    }
}
