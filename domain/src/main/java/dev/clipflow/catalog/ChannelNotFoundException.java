package dev.clipflow.catalog;

/** Thrown when a channel id names no channel in the catalog. Permanent. */
public class ChannelNotFoundException extends RuntimeException {
    public ChannelNotFoundException(String channelId) {
        super("Channel " + channelId + " does not exist");
    }
}
