package dev.clipflow.aws.dynamodb.discovery;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A fresh discovery table on the shared emulators, created from the template, with the real adapters on it. */
final class DiscoveryTable {
    final DynamoDbClient dynamo = new AwsClients(Emulators.shared().lookup()).dynamoDb();
    final String name = Emulators.uniqueName("discovery");
    final DynamoTermIndex index;
    final DynamoRelatedStore related;
    final DynamoCoViewStore coViews;

    DiscoveryTable() {
        TemplateTables.create(dynamo, TemplateTables.DISCOVERY, name);
        index = new DynamoTermIndex(dynamo, name);
        related = new DynamoRelatedStore(dynamo, name);
        coViews = new DynamoCoViewStore(dynamo, name);
    }
}
