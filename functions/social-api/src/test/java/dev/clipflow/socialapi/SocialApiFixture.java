package dev.clipflow.socialapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.discovery.DynamoCoViewStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.discovery.Recommendations;
import dev.clipflow.discovery.RelatedBlend;
import dev.clipflow.discovery.RelatedVideos;
import dev.clipflow.discovery.WatchRecorder;
import dev.clipflow.http.HttpEvents;
import dev.clipflow.paging.SignedCursors;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.FeedReader;
import dev.clipflow.social.Subscriptions;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Fresh tables on the shared Dynoxide and a {@link SocialApi} built by hand on the real adapters. */
final class SocialApiFixture {
    static final String SECRET = "social-api-test-cursor-secret-0123456789";
    static final JsonMapper JSON = JsonMapper.builder().build();
    final DynamoDbClient dynamo = new AwsClients(Emulators.shared().lookup()).dynamoDb();
    final String videosTable = Emulators.uniqueName("videos");
    final String channelsTable = Emulators.uniqueName("channels");
    final String subscriptionsTable = Emulators.uniqueName("subscriptions");
    final String feedsTable = Emulators.uniqueName("feeds");
    final String discoveryTable = Emulators.uniqueName("discovery");
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T12:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final DynamoVideoRepository videos;
    final DynamoChannelRepository channels;
    final DynamoSubscriptionStore subscriptions;
    final DynamoFeedStore feeds;
    final DynamoCoViewStore coViews;
    final DynamoRelatedStore related;
    final SocialApi api;

    SocialApiFixture() {
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(dynamo, TemplateTables.CHANNELS, channelsTable);
        TemplateTables.create(dynamo, TemplateTables.SUBSCRIPTIONS, subscriptionsTable);
        TemplateTables.create(dynamo, TemplateTables.FEEDS, feedsTable);
        TemplateTables.create(dynamo, TemplateTables.DISCOVERY, discoveryTable);
        videos = new DynamoVideoRepository(dynamo, videosTable);
        channels = new DynamoChannelRepository(dynamo, channelsTable);
        subscriptions = new DynamoSubscriptionStore(dynamo, subscriptionsTable);
        feeds = new DynamoFeedStore(dynamo, feedsTable);
        coViews = new DynamoCoViewStore(dynamo, discoveryTable);
        related = new DynamoRelatedStore(dynamo, discoveryTable);
        SignedCursors cursors =
                new SignedCursors(SECRET.getBytes(StandardCharsets.UTF_8), clock, Duration.ofMinutes(10));
        FeedReader reader = new FeedReader(subscriptions, feeds, FanoutPolicy.DEFAULT, cursors, videos);
        RelatedVideos relatedVideos = new RelatedVideos(related, coViews, RelatedBlend.DEFAULT, videos);
        api = new SocialApi(new Subscriptions(subscriptions, channels, cursors, clock), reader,
                new WatchRecorder(videos, coViews, clock, 20), relatedVideos,
                new Recommendations(coViews, relatedVideos, (viewer, limit) -> reader.read(viewer, null, limit)
                        .items().stream().map(FeedItem::videoId).toList(), cursors, videos),
                videos, JSON);
    }

    void channel(String channelId, String ownerId) {
        channels.create(new Channel(channelId, ownerId, "Channel " + channelId, null));
    }

    String video(String channelId, VideoStatus status) {
        String videoId = Emulators.uniqueName("vid");
        Instant t = now.get();
        videos.create(new Video(videoId, channelId, "creator", "Title", "", List.of("tag"), 1024, "video/mp4",
                "uploads/" + channelId + "/" + videoId + "/a.mp4", null, VideoStatus.AWAITING_UPLOAD, null, null, null,
                null, null, t, t));
        if (status != VideoStatus.AWAITING_UPLOAD) {
            videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        }
        if (status == VideoStatus.PUBLISHED) {
            videos.publish(videoId, List.of(), new Video.PublishedAssets("videos/" + videoId + "/hls/master.m3u8",
                    null, null, null));
        }
        return videoId;
    }

    APIGatewayV2HTTPResponse call(String method, String path, String sub) {
        return api.apply(HttpEvents.request(method, path, sub, null));
    }

    APIGatewayV2HTTPResponse call(String method, String path, String sub, Map<String, String> query) {
        return api.apply(HttpEvents.request(method, path, sub, null, query));
    }

    static Map<String, Object> body(APIGatewayV2HTTPResponse response) {
        return JSON.readValue(response.getBody(), new TypeReference<Map<String, Object>>() { });
    }
}
