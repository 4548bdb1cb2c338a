package dev.clipflow.catalog;

/** Thrown when a user acts on a channel (or one of its videos) that they do not own. */
public class ChannelAccessDeniedException extends RuntimeException {
    public ChannelAccessDeniedException(String channelId) {
        super("You do not own channel " + channelId);
    }
}
