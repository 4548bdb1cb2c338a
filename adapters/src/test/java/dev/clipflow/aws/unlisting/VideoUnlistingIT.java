package dev.clipflow.aws.unlisting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.discovery.DynamoCoViewStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedItem;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import dev.clipflow.unlisting.UnlistReport;
import dev.clipflow.unlisting.VideoUnlisting;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link VideoUnlisting} on the real adapters against Dynoxide: nothing in either table names the video after. */
class VideoUnlistingIT {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final DynamoDbClient dynamo = new AwsClients(Emulators.shared().lookup()).dynamoDb();
    private final String feedsTable = Emulators.uniqueName("feeds");
    private final String discoveryTable = Emulators.uniqueName("discovery");
    private final DynamoFeedStore feeds;
    private final DynamoRelatedStore related;
    private final DynamoTermIndex index;
    private final DynamoCoViewStore coViews;

    VideoUnlistingIT() {
        TemplateTables.create(dynamo, TemplateTables.FEEDS, feedsTable);
        TemplateTables.create(dynamo, TemplateTables.DISCOVERY, discoveryTable);
        feeds = new DynamoFeedStore(dynamo, feedsTable);
        related = new DynamoRelatedStore(dynamo, discoveryTable);
        index = new DynamoTermIndex(dynamo, discoveryTable);
        coViews = new DynamoCoViewStore(dynamo, discoveryTable);
    }

    @Test
    void unlist_onDynamo_leavesNoItemNamingTheVideo_andRepeatsHarmlessly() {
        RelatedIndexer indexer = new RelatedIndexer(index, related, RelatedPolicy.DEFAULT);
        for (String id : List.of("vid-a", "vid-b", "vid-gone")) {
            FeedItem item = new FeedItem(id, "chan", T0.plusSeconds(id.length()));
            feeds.putTimeline(item);
            feeds.putBatch(List.of(new FeedEntry("v1", item), new FeedEntry("v2", item), new FeedEntry("v3", item)));
        }
        indexer.publish(new VideoFacts("vid-a", "chan", T0, "cats funny", "", List.of("cats")));
        indexer.publish(new VideoFacts("vid-b", "chan", T0.plusSeconds(1), "cats cute", "", List.of("cats")));
        indexer.publish(new VideoFacts("vid-gone", "chan", T0.plusSeconds(2), "cats funny cute", "", List.of("cats")));
        coViews.recordWatch("alice", "vid-a", T0, List.of());
        coViews.recordWatch("alice", "vid-gone", T0.plusSeconds(1), List.of("vid-a"));
        coViews.recordWatch("alice", "vid-b", T0.plusSeconds(2), List.of("vid-gone", "vid-a"));
        assertThat(naming("vid-gone")).hasSizeGreaterThan(10);
        VideoUnlisting unlisting = new VideoUnlisting(feeds, related, index, coViews);

        UnlistReport report = unlisting.unlist("vid-gone");

        assertThat(report).isEqualTo(new UnlistReport("vid-gone", 4, 2, true, 2, 1));
        assertThat(naming("vid-gone")).isEmpty();
        assertThat(naming("vid-a")).isNotEmpty();
        assertThat(index.documentCount()).isEqualTo(2);
        assertThat(unlisting.unlist("vid-gone")).isEqualTo(new UnlistReport("vid-gone", 0, 0, false, 0, 0));
    }

    /** Every item of both tables with the id in any string attribute (a test-only scan). */
    private List<String> naming(String videoId) {
        return java.util.stream.Stream.of(feedsTable, discoveryTable)
                .flatMap(t -> dynamo.scan(r -> r.tableName(t)).items().stream())
                .filter(i -> holds(i, videoId)).map(Map::toString).toList();
    }

    private static boolean holds(Map<String, AttributeValue> item, String videoId) {
        return item.values().stream().anyMatch(v -> v.toString().contains(videoId));
    }
}
