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
}
