package dev.clipflow.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.pipeline.PipelineInputMalformedException;
import dev.clipflow.pipeline.PublishedVideoInput;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.SubscriberFanout;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The subscription bean as Lambda runs it (RequestIdFunctionInvoker, MAIN_CLASS) against Dynoxide and ElasticMQ. */
class SubscriptionIT {
    private static VideoRepository videos;
    private static DynamoSubscriptionStore subscriptions;
    private static DynamoFeedStore feeds;
    private static RequestIdFunctionInvoker invoker;

    @BeforeAll
    static void wire() {
        Emulators emulators = Emulators.shared();
        AwsClients aws = new AwsClients(emulators.lookup());
        var dynamo = aws.dynamoDb();
        String videosTable = Emulators.uniqueName("videos");
        String subscriptionsTable = Emulators.uniqueName("subscriptions");
        String feedsTable = Emulators.uniqueName("feeds");
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(dynamo, TemplateTables.CHANNELS, Emulators.uniqueName("channels"));
        TemplateTables.create(dynamo, TemplateTables.SUBSCRIPTIONS, subscriptionsTable);
        TemplateTables.create(dynamo, TemplateTables.FEEDS, feedsTable);
        String queueUrl = aws.sqs().createQueue(r -> r.queueName(Emulators.uniqueName("fanout"))).queueUrl();
        videos = new DynamoVideoRepository(dynamo, videosTable);
        subscriptions = new DynamoSubscriptionStore(dynamo, subscriptionsTable);
        feeds = new DynamoFeedStore(dynamo, feedsTable);

        emulators.exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", SubscriptionApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", videosTable);
        System.setProperty("SUBSCRIPTIONS_TABLE", subscriptionsTable);
        System.setProperty("FEEDS_TABLE", feedsTable);
        System.setProperty("FANOUT_QUEUE_URL", queueUrl);
        System.setProperty("FANOUT_INLINE_MAX", "25");
        System.setProperty("FANOUT_CELEBRITY_THRESHOLD", "1000");
        invoker = new RequestIdFunctionInvoker("subscription");
    }

    @Test
    void invoke_publishedVideo_fansOutInlineAndARepeatWritesNothingNew() throws Exception {
        String videoId = published("chan-sub1");
        for (String viewer : List.of("viewer-a", "viewer-b", "viewer-c")) {
            subscriptions.subscribe(new dev.clipflow.social.Subscription(viewer, "chan-sub1", Instant.EPOCH));
        }

        Map<String, Object> first = invoke(videoId, "chan-sub1");
        Map<String, Object> again = invoke(videoId, "chan-sub1");

        assertThat(first).containsEntry("mode", "INLINE").containsEntry("subscribers", 3)
                .containsEntry("entriesWritten", 3).containsEntry("videoId", videoId);
        assertThat(again).containsEntry("mode", "INLINE").containsEntry("entriesWritten", 3);
        for (String viewer : List.of("viewer-a", "viewer-b", "viewer-c")) {
            assertThat(feeds.viewerFeed(viewer, null, 10).items()).extracting(FeedItem::videoId)
                    .containsExactly(videoId);
        }
        assertThat(feeds.channelTimeline("chan-sub1", null, 10).items()).hasSize(1);
    }

    @Test
    void invoke_unlistedOrPrivateVideo_isWrittenToNoFeedAndNoTimeline() throws Exception {
        for (Visibility visibility : List.of(Visibility.UNLISTED, Visibility.PRIVATE)) {
            String channelId = Emulators.uniqueName("chan");
            subscriptions.subscribe(new dev.clipflow.social.Subscription("viewer-v", channelId, Instant.EPOCH));
            String videoId = published(channelId, visibility);

            Map<String, Object> result = invoke(videoId, channelId);

            assertThat(result).containsEntry("mode", "NOT_LISTED").containsEntry("entriesWritten", 0)
                    .containsEntry("videoId", videoId);
            assertThat(feeds.viewerFeed("viewer-v", null, 10).items()).extracting(FeedItem::videoId)
                    .doesNotContain(videoId);
            assertThat(feeds.channelTimeline(channelId, null, 10).items()).isEmpty();
        }
    }

    @Test
    void apply_videoNotPublished_throwsNamedExceptionAndWritesNothing() {
        String videoId = processing("chan-sub2");
        subscriptions.subscribe(new dev.clipflow.social.Subscription("viewer-z", "chan-sub2", Instant.EPOCH));
        Subscription fn = bean();

        assertThatThrownBy(() -> fn.apply(new PublishedVideoInput(1, videoId, "chan-sub2")))
                .isInstanceOf(VideoNotPublishedException.class);
        assertThatThrownBy(() -> fn.apply(new PublishedVideoInput(1, "not an id", "chan-sub2")))
                .isInstanceOf(PipelineInputMalformedException.class);
        assertThatThrownBy(() -> fn.apply(new PublishedVideoInput(7, videoId, "chan-sub2")))
                .isInstanceOf(PipelineInputMalformedException.class);
        assertThat(feeds.viewerFeed("viewer-z", null, 10).items()).isEmpty();
        assertThat(feeds.channelTimeline("chan-sub2", null, 10).items()).isEmpty();
    }

    private static Subscription bean() {
        var writer = new dev.clipflow.batch.BatchWriter<dev.clipflow.social.FeedEntry>(feeds::putBatch, 25,
                dev.clipflow.batch.Backoff.DEFAULT, d -> { }, () -> 0.5);
        return new Subscription(videos, new SubscriberFanout(subscriptions, feeds, batches -> {
            throw new AssertionError("nothing may be queued");
        }, dev.clipflow.social.FanoutPolicy.DEFAULT, writer));
    }

    private static Map<String, Object> invoke(String videoId, String channelId) throws Exception {
        String event = Events.text("subscription.json").replace("vid-example", videoId)
                .replace("chan-example", channelId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return Events.read(null, out.toString(StandardCharsets.UTF_8));
    }

    static String processing(String channelId) {
        return processing(channelId, Visibility.PUBLIC);
    }

    static String processing(String channelId, Visibility visibility) {
        String videoId = Emulators.uniqueName("vid");
        Instant now = Instant.now();
        videos.create(new Video(videoId, channelId, "owner-1", "A title", "", List.of("tag"), 1024, "video/mp4",
                "uploads/" + channelId + "/" + videoId + "/a.mp4", null, VideoStatus.AWAITING_UPLOAD, null, null,
                null, null, null, now, now).withVisibility(visibility));
        videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        return videoId;
    }

    static String published(String channelId) {
        return published(channelId, Visibility.PUBLIC);
    }

    static String published(String channelId, Visibility visibility) {
        String videoId = processing(channelId, visibility);
        videos.publish(videoId, List.of(), new Video.PublishedAssets("videos/" + videoId + "/hls/master.m3u8",
                null, null, null));
        return videoId;
    }
}
