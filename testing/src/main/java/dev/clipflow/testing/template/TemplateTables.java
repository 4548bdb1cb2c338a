package dev.clipflow.testing.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * Creates {@code template.yaml}'s DynamoDB tables (keys, attribute types, GSIs, LSIs, TTL) on an emulator: the one
 * schema source for the integration tests, the benches and the local runtime (which names the tables itself and
 * passes each {@link TableDef}). A test creates a table by its logical id under a unique name:
 * {@code TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable)}.
 */
public final class TemplateTables {
    /** The catalog's videos table (docs/adr/0003). */
    public static final String VIDEOS = "VideosTable";
    /** The catalog's channels table: channels and daily usage counters (docs/adr/0003). */
    public static final String CHANNELS = "ChannelsTable";
    /** The social context's subscriptions (docs/adr/0006). */
    public static final String SUBSCRIPTIONS = "SubscriptionsTable";
    /** The social context's feeds and channel timelines (docs/adr/0006). */
    public static final String FEEDS = "FeedsTable";
    /** The discovery context's one table (docs/adr/0006). */
    public static final String DISCOVERY = "DiscoveryTable";
    /** Every table the integration tests create; TemplateTablesTest checks the template declares each. */
    public static final List<String> USED_BY_TESTS = List.of(VIDEOS, CHANNELS, SUBSCRIPTIONS, FEEDS, DISCOVERY);

    private static Map<String, TableDef> repositoryTables;

    private TemplateTables() {
    }

    /**
     * Creates the table the repository's template.yaml declares under {@code logicalId}, named {@code name}.
     *
     * @throws IllegalArgumentException when the template declares no such table
     */
    public static void create(DynamoDbClient dynamo, String logicalId, String name) {
        create(dynamo, table(logicalId).named(name));
    }

    /** Creates the table, then enables its TTL if it has one (DynamoDB takes TTL in a second call). */
    public static void create(DynamoDbClient dynamo, TableDef t) {
        List<AttributeDefinition> attrs = new ArrayList<>();
        t.attributes().forEach((n, type) -> attrs.add(AttributeDefinition.builder().attributeName(n)
                .attributeType(type).build()));
        CreateTableRequest.Builder req = CreateTableRequest.builder().tableName(t.name())
                .billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(attrs).keySchema(keys(t.keySchema()));
        if (!t.globalIndexes().isEmpty()) {
            req.globalSecondaryIndexes(t.globalIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
                    .indexName(i.name()).keySchema(keys(i.keySchema())).projection(projection(i)).build()).toList());
        }
        if (!t.localIndexes().isEmpty()) {
            req.localSecondaryIndexes(t.localIndexes().stream().map(i -> LocalSecondaryIndex.builder()
                    .indexName(i.name()).keySchema(keys(i.keySchema())).projection(projection(i)).build()).toList());
        }
        dynamo.createTable(req.build());
        if (t.ttlAttribute() != null) {
            dynamo.updateTimeToLive(r -> r.tableName(t.name())
                    .timeToLiveSpecification(s -> s.attributeName(t.ttlAttribute()).enabled(true)));
        }
    }

    /**
     * The repository template's table {@code logicalId} (its name is the logical id; see {@link TableDef#named}).
     *
     * @throws IllegalArgumentException when the template declares no such table
     */
    public static TableDef table(String logicalId) {
        TableDef t = repositoryTables().get(logicalId);
        if (t == null) {
            throw new IllegalArgumentException(templateFile() + " declares no AWS::DynamoDB::Table " + logicalId
                    + "; its tables: " + repositoryTables().keySet());
        }
        return t;
    }

    /** Every {@code AWS::DynamoDB::Table} of a template by logical id, each named by its logical id. */
    public static Map<String, TableDef> read(Path template) {
        Map<String, TableDef> tables = new LinkedHashMap<>();
        Object resources = CfnYaml.read(template).get("Resources");
        if (resources instanceof Map<?, ?> all) {
            all.forEach((id, r) -> {
                if (r instanceof Map<?, ?> resource && "AWS::DynamoDB::Table".equals(resource.get("Type"))
                        && resource.get("Properties") instanceof Map<?, ?> props) {
                    tables.put(String.valueOf(id), TableReader.read(String.valueOf(id), String.valueOf(id), props));
                }
            });
        }
        return tables;
    }

    /**
     * The repository's template.yaml: under system property {@code clipflow.root} if set, else in the nearest
     * folder at or above the working directory (a module's folder when Maven runs its tests).
     */
    public static Path templateFile() {
        String root = System.getProperty("clipflow.root");
        if (root != null && !root.isBlank() && Files.isRegularFile(Path.of(root, "template.yaml"))) {
            return Path.of(root, "template.yaml").toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml").normalize();
            }
        }
        throw new IllegalStateException("No template.yaml at or above " + Path.of("").toAbsolutePath()
                + "; set -Dclipflow.root to the repository root");
    }

    private static synchronized Map<String, TableDef> repositoryTables() {
        if (repositoryTables == null) {
            repositoryTables = read(templateFile());
        }
        return repositoryTables;
    }

    private static Projection projection(TableDef.Index i) {
        return Projection.builder().projectionType(i.projection())
                .nonKeyAttributes(i.nonKeyAttributes().isEmpty() ? null : i.nonKeyAttributes()).build();
    }

    private static List<KeySchemaElement> keys(List<TableDef.Key> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attribute()).keyType(k.type())
                .build()).toList();
    }
}
