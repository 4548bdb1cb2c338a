package dev.clipflow.aws.dynamodb.discovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The discovery context's one table as code, for the integration tests; {@code template.yaml} is the source
 * and declares the same keys (docs/adr/0006-social-and-discovery-data-model.md explains them). pk {@code pk}, sk {@code sk}; LSI {@code byTime} on {@code at} (S)
 * and LSI {@code byRank} on {@code rank} (N), both sparse; TTL {@code expiresAt}. Item types:
 * <pre>
 * t#&lt;term&gt;      &lt;videoId&gt;   posting: w, norm, at = publishedAt#videoId      (byTime)
 * t#&lt;term&gt;      #df          document frequency: n
 * d#&lt;videoId&gt;   #doc         indexed marker: channelId, terms
 * #catalog       #count       indexed videos: n
 * r#&lt;videoId&gt;   #list        related list: items [{v, s}], version
 * c#&lt;videoId&gt;   &lt;otherId&gt;    co-view count: rank, expiresAt                 (byRank)
 * h#&lt;viewerId&gt;  &lt;videoId&gt;    watch history: at = watchedAt, expiresAt      (byTime)
 * </pre>
 */
public final class DiscoveryTables {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String AT = "at";
    public static final String RANK = "rank";
    public static final String BY_TIME = "byTime";
    public static final String BY_RANK = "byRank";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private DiscoveryTables() {
    }

    public static CreateTableRequest discoveryTable(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute(SK, ScalarAttributeType.S),
                        attribute(AT, ScalarAttributeType.S), attribute(RANK, ScalarAttributeType.N))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .localSecondaryIndexes(index(BY_TIME, AT), index(BY_RANK, RANK))
                .build();
    }

    /** Creates the table and its TTL (emulators and local runs only). */
    public static void create(DynamoDbClient dynamo, String table) {
        dynamo.createTable(discoveryTable(table));
        dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    private static LocalSecondaryIndex index(String name, String sortKey) {
        return LocalSecondaryIndex.builder().indexName(name)
                .keySchema(key(PK, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
