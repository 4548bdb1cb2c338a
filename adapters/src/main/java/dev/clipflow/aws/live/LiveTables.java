package dev.clipflow.aws.live;

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
 * The WebSocket connections table as code, for the integration tests; {@code template.yaml}
 * ({@code LiveConnectionsTable}) is the source and declares the same keys (docs/adr/0013): pk {@code connectionId},
 * attribute {@code ownerId} with the GSI {@code byOwner} ({@code ownerId}, {@code connectionId}, with
 * {@code expiresAt}), TTL
 * {@code expiresAt}.
 */
public final class LiveTables {
    public static final String CONNECTION_ID = "connectionId";
    public static final String OWNER_ID = "ownerId";
    public static final String BY_OWNER = "byOwner";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private LiveTables() {
    }

    public static CreateTableRequest connectionsTable(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(CONNECTION_ID), attribute(OWNER_ID))
                .keySchema(key(CONNECTION_ID, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(BY_OWNER)
                        .keySchema(key(OWNER_ID, KeyType.HASH), key(CONNECTION_ID, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(TTL_ATTRIBUTE).build()).build())
                .build();
    }

    /** Creates the table and its TTL (emulators and local runs only). */
    public static void create(DynamoDbClient dynamo, String connectionsTable) {
        dynamo.createTable(connectionsTable(connectionsTable));
        dynamo.updateTimeToLive(r -> r.tableName(connectionsTable)
                .timeToLiveSpecification(t -> t.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
