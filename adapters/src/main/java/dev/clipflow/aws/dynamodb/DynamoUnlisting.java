package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.discovery.DynamoCoViewStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.unlisting.VideoUnlisting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link VideoUnlisting} on its DynamoDB stores: social's feeds and discovery's related lists, term index, co-views and
 * histories. The one wiring of every function that un-lists a video (the deletion, a visibility change).
 */
public final class DynamoUnlisting {
    private DynamoUnlisting() {
    }

    /**
     * @param feedsTable     the feeds table (FEEDS_TABLE)
     * @param discoveryTable the discovery table (DISCOVERY_TABLE)
     */
    public static VideoUnlisting of(DynamoDbClient dynamo, String feedsTable, String discoveryTable) {
        return new VideoUnlisting(new DynamoFeedStore(dynamo, feedsTable),
                new DynamoRelatedStore(dynamo, discoveryTable), new DynamoTermIndex(dynamo, discoveryTable),
                new DynamoCoViewStore(dynamo, discoveryTable));
    }
}
