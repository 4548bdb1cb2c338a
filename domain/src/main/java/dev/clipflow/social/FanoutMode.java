package dev.clipflow.social;

/** How one publish was delivered to subscribers' feeds. */
public enum FanoutMode {
    /** The channel has no subscribers. */
    NONE,
    /** Written to every subscriber's feed by the subscription function itself. */
    INLINE,
    /** Queued as batches of viewer ids for the fan-out function. */
    QUEUED,
    /** Not pushed: feeds pull this channel's timeline at read time. */
    CELEBRITY
}
