package dev.clipflow.aws.dynamodb.social;

/**
 * The names the social context's adapters use in its two tables. {@code template.yaml} declares the tables and is
 * their only schema: AWS, the local runtime and the integration tests (the testing module's {@code TemplateTables})
 * create them from it; TableNamesTest checks these names against it
 * (docs/adr/0006-social-and-discovery-data-model.md explains them).
 * <ul>
 *   <li>Subscriptions: pk {@code channelId}, sk {@code member} ({@code v#<viewerId>} for a
 *       subscription, {@code #audience} for the channel's counter); GSI {@code byViewer}
 *       ({@code viewerId}, {@code channelId}), sparse: only subscriptions carry {@code viewerId}.</li>
 *   <li>Feeds: pk {@code feedId} ({@code v#<viewerId>} for a viewer's feed, {@code c#<channelId>}
 *       for a channel's timeline), sk {@code videoId}; LSI {@code byTime} on {@code position}
 *       (fixed-width publish time {@code #} video id); TTL {@code expiresAt}. Beside each entry its reverse
 *       reference: feedId {@code x#<videoId>}, videoId {@code <feedId>} of the entry, same {@code expiresAt}, no
 *       {@code position} (docs/adr/0014).</li>
 * </ul>
 */
public final class SocialTables {
    public static final String CHANNEL_ID = "channelId";
    public static final String MEMBER = "member";
    public static final String VIEWER_ID = "viewerId";
    public static final String BY_VIEWER = "byViewer";
    public static final String FEED_ID = "feedId";
    public static final String VIDEO_ID = "videoId";
    public static final String POSITION = "position";
    public static final String BY_TIME = "byTime";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private SocialTables() {
    }
}
