package dev.clipflow.social;

import dev.clipflow.batch.BatchThrottledException;
import java.util.List;

/**
 * The social context's store of viewers' feeds and channels' timelines (port). Entries are keyed
 * by (owner, video): writing one again overwrites it, never duplicates it.
 */
public interface FeedStore {
    /** The most entries {@link #putBatch} takes per call (DynamoDB's BatchWriteItem limit). */
    int MAX_BATCH = 25;

    /**
     * Writes at most {@link #MAX_BATCH} viewer feed entries and returns those left unprocessed
     * (empty when all were written); throws {@link BatchThrottledException} when the whole call
     * was throttled.
     */
    List<FeedEntry> putBatch(List<FeedEntry> entries);

    /** Adds a published video to its channel's timeline (idempotent). */
    void putTimeline(FeedItem item);

    /**
     * Removes {@code videoId} from every feed and timeline holding it (found from the reverse references written
     * with the entries), then the references; returns how many entries it removed. Idempotent: a repeat, or a
     * call after a partial failure, removes what is left.
     */
    int removeVideo(String videoId);

    /** A viewer's pushed entries strictly older than {@code before} (null: from the newest), newest first. */
    FeedSlice viewerFeed(String viewerId, FeedPosition before, int limit);

    /** A channel's timeline strictly older than {@code before} (null: from the newest), newest first. */
    FeedSlice channelTimeline(String channelId, FeedPosition before, int limit);
}
