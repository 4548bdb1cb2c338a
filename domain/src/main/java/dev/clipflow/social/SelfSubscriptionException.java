package dev.clipflow.social;

/** Thrown when a user tries to subscribe to a channel they own. Permanent; nothing is written. */
public class SelfSubscriptionException extends RuntimeException {
    public SelfSubscriptionException(String channelId) {
        super("You cannot subscribe to your own channel " + channelId);
    }
}
