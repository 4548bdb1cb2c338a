package dev.clipflow.subscription;

/**
 * Thrown when the fan-out is asked for a video that is not PUBLISHED in the catalog (the state
 * machine runs it only after publish, so this is a wiring bug or a manual call). Permanent.
 */
public class SubscriptionVideoNotPublishedException extends RuntimeException {
    public SubscriptionVideoNotPublishedException(String videoId, String status) {
        super("Video " + videoId + " is " + status + ", not PUBLISHED; nothing fanned out");
    }
}
