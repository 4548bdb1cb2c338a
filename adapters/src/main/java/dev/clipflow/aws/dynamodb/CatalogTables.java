package dev.clipflow.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The catalog's two tables as code, for the integration tests, which create them on the emulator from here.
 * {@code template.yaml} is the source: AWS and the local runtime create the tables from it, and it must declare
 * the same keys, indexes and TTL attribute (the snippet is in docs/adr/0003-catalog-data-model.md).
 */
public final class CatalogTables {
    /** Partition key of the videos table. */
    public static final String VIDEOS_KEY = "videoId";
    /** The videos table's index of a channel's videos, newest first: pk {@code channelId}, sk {@code createdAt}. */
    public static final String BY_CHANNEL_INDEX = "byChannel";
    /**
     * The videos table's sparse index of videos the sweeper may have to act on, oldest change first: pk
     * {@code sweepQueue} (a non-terminal status, or SWEPT), sk {@code updatedAt}, keys only (docs/adr/0010).
     */
    public static final String BY_SWEEP_QUEUE_INDEX = "bySweepQueue";
    /** Partition key of the channels table (holds {@code CHANNEL#id} and {@code USAGE#id#day} items). */
    public static final String CHANNELS_KEY = "pk";
    /** Epoch-seconds TTL attribute of the channels table's daily usage counters. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private CatalogTables() {
    }

    public static CreateTableRequest videosTable(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(VIDEOS_KEY), attribute(VideoItems.CHANNEL_ID), attribute(VideoItems.CREATED_AT),
                        attribute(VideoItems.SWEEP_QUEUE), attribute(VideoItems.UPDATED_AT))
                .keySchema(key(VIDEOS_KEY, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(BY_CHANNEL_INDEX)
                        .keySchema(key(VideoItems.CHANNEL_ID, KeyType.HASH), key(VideoItems.CREATED_AT, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build(), GlobalSecondaryIndex.builder()
                        .indexName(BY_SWEEP_QUEUE_INDEX)
                        .keySchema(key(VideoItems.SWEEP_QUEUE, KeyType.HASH), key(VideoItems.UPDATED_AT, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .build();
    }

    public static CreateTableRequest channelsTable(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(CHANNELS_KEY))
                .keySchema(key(CHANNELS_KEY, KeyType.HASH))
                .build();
    }

    /** Creates both tables and enables TTL on the channels table (emulators and local runs only). */
    public static void create(DynamoDbClient dynamo, String videosTable, String channelsTable) {
        dynamo.createTable(videosTable(videosTable));
        dynamo.createTable(channelsTable(channelsTable));
        dynamo.updateTimeToLive(r -> r.tableName(channelsTable)
                .timeToLiveSpecification(t -> t.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
