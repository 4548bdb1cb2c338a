package dev.clipflow.aws.dynamodb.social;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.PublishedVideo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The feeds' reverse references (docs/adr/0014) against Dynoxide: written with the entries, used by removeVideo. */
class FeedReferencesIT {
    private static final FanoutPolicy POLICY = new FanoutPolicy(50, 5000, 500);
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void fanOut_writesAReferencePerFeedAndTimeline_withTheEntrysExpiry() {
        SocialStack stack = new SocialStack();
        stack.subscribe("chan-r", "viewer", 30);

        stack.fanout(POLICY, stack.feeds).fanOut(video("vid-r", "chan-r"));

        List<Map<String, AttributeValue>> refs = items(stack, "x#vid-r");
        assertThat(refs).hasSize(31);
        assertThat(refs).extracting(i -> i.get("videoId").s()).contains("c#chan-r", "v#viewer-00000", "v#viewer-00029");
        Map<String, AttributeValue> entry = stack.dynamo.getItem(r -> r.tableName(stack.feedsTable).key(Map.of(
                "feedId", AttributeValue.fromS("v#viewer-00007"), "videoId", AttributeValue.fromS("vid-r")))).item();
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref.get("expiresAt")).isEqualTo(entry.get("expiresAt"));
            assertThat(ref).doesNotContainKey("position");
        });
        assertThat(stack.feeds.viewerFeed("viewer-00007", null, 10).items()).extracting(FeedItem::videoId)
                .containsExactly("vid-r");
    }

    @Test
    void removeVideo_takesItOutOfEveryFeedAndTimeline_leavesOthers_andRepeatsHarmlessly() {
        SocialStack stack = new SocialStack();
        stack.subscribe("chan-d", "viewer", 30);
        var fanout = stack.fanout(POLICY, stack.feeds);
        fanout.fanOut(video("vid-gone", "chan-d"));
        fanout.fanOut(video("vid-kept", "chan-d"));

        assertThat(stack.feeds.removeVideo("vid-gone")).isEqualTo(31);

        assertThat(scanFor(stack, "vid-gone")).isEmpty();
        assertThat(stack.entriesOf("vid-kept")).isEqualTo(30);
        assertThat(items(stack, "x#vid-kept")).hasSize(31);
        assertThat(stack.feeds.channelTimeline("chan-d", null, 10).items()).extracting(FeedItem::videoId)
                .containsExactly("vid-kept");
        assertThat(stack.feeds.removeVideo("vid-gone")).isZero();
    }

    private static List<Map<String, AttributeValue>> items(SocialStack stack, String feedId) {
        return stack.dynamo.query(r -> r.tableName(stack.feedsTable).keyConditionExpression("feedId = :f")
                .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(feedId)))).items();
    }

    /** Every item with the id anywhere in its key (a test-only scan). */
    private static List<Map<String, AttributeValue>> scanFor(SocialStack stack, String videoId) {
        return stack.dynamo.scan(r -> r.tableName(stack.feedsTable)).items().stream()
                .filter(i -> i.get("feedId").s().contains(videoId) || i.get("videoId").s().contains(videoId))
                .toList();
    }

    private static PublishedVideo video(String videoId, String channelId) {
        return new PublishedVideo(videoId, channelId, T0);
    }
}
