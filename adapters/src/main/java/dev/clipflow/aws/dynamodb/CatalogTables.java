package dev.clipflow.aws.dynamodb;

/**
 * The names the catalog's adapters use in its two tables. {@code template.yaml} declares the tables (keys, indexes,
 * TTL; docs/adr/0003-catalog-data-model.md explains them) and is their only schema: AWS, the local runtime and the
 * integration tests (the testing module's {@code TemplateTables}) create them from it. TableNamesTest checks these
 * names against it.
 */
public final class CatalogTables {
    /** Partition key of the videos table. */
    public static final String VIDEOS_KEY = "videoId";
    /** The videos table's index of a channel's videos, newest first: pk {@code channelId}, sk {@code createdAt}. */
    public static final String BY_CHANNEL_INDEX = "byChannel";
    /**
     * The videos table's sparse index of videos the sweeper may have to act on, oldest change first: pk
     * {@code sweepQueue} (a non-terminal status, SWEPT, or DELETING), sk {@code updatedAt}, keys only (docs/adr/0010).
     */
    public static final String BY_SWEEP_QUEUE_INDEX = "bySweepQueue";
    /** Partition key of the channels table (holds {@code CHANNEL#id} and {@code USAGE#id#day} items). */
    public static final String CHANNELS_KEY = "pk";
    /** Epoch-seconds TTL attribute of the channels table's daily usage counters. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private CatalogTables() {
    }
}
