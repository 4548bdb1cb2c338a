package dev.clipflow.social;

/**
 * What one fan-out did.
 *
 * @param subscribers    the channel's subscriber count when the fan-out ran
 * @param entriesWritten feed entries written by this call (inline mode only)
 * @param batchesQueued  messages enqueued (queued mode only)
 */
public record FanoutResult(String videoId, String channelId, FanoutMode mode, long subscribers, int entriesWritten,
                           int batchesQueued) {

    /** The fan-out of a video that is not listed: nothing written, nothing queued. */
    public static FanoutResult notListed(String videoId, String channelId) {
        return new FanoutResult(videoId, channelId, FanoutMode.NOT_LISTED, 0, 0, 0);
    }
}
