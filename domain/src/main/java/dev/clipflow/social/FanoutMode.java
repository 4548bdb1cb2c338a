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
    CELEBRITY,
    /**
     * Not written anywhere, not even the channel's timeline: the video is not listed (UNLISTED or PRIVATE,
     * {@link dev.clipflow.catalog.Visibility}).
     */
    NOT_LISTED
}
