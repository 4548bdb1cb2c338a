package dev.clipflow.aws.dynamodb.social;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The social context's two tables as code, for the integration tests; {@code template.yaml} is the source and
 * declares the same keys (docs/adr/0006-social-and-discovery-data-model.md explains them).
 * <ul>
 *   <li>Subscriptions: pk {@code channelId}, sk {@code member} ({@code v#<viewerId>} for a
 *       subscription, {@code #audience} for the channel's counter); GSI {@code byViewer}
 *       ({@code viewerId}, {@code channelId}), sparse: only subscriptions carry {@code viewerId}.</li>
 *   <li>Feeds: pk {@code feedId} ({@code v#<viewerId>} for a viewer's feed, {@code c#<channelId>}
 *       for a channel's timeline), sk {@code videoId}; LSI {@code byTime} on {@code position}
 *       (fixed-width publish time {@code #} video id); TTL {@code expiresAt}.</li>
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

    public static CreateTableRequest subscriptionsTable(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(CHANNEL_ID), attribute(MEMBER), attribute(VIEWER_ID))
                .keySchema(key(CHANNEL_ID, KeyType.HASH), key(MEMBER, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(BY_VIEWER)
                        .keySchema(key(VIEWER_ID, KeyType.HASH), key(CHANNEL_ID, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build();
    }

    public static CreateTableRequest feedsTable(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(FEED_ID), attribute(VIDEO_ID), attribute(POSITION))
                .keySchema(key(FEED_ID, KeyType.HASH), key(VIDEO_ID, KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName(BY_TIME)
                        .keySchema(key(FEED_ID, KeyType.HASH), key(POSITION, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build();
    }

    /** Creates both tables and the feeds' TTL (emulators and local runs only). */
    public static void create(DynamoDbClient dynamo, String subscriptionsTable, String feedsTable) {
        dynamo.createTable(subscriptionsTable(subscriptionsTable));
        dynamo.createTable(feedsTable(feedsTable));
        dynamo.updateTimeToLive(r -> r.tableName(feedsTable)
                .timeToLiveSpecification(t -> t.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
