package dev.clipflow.socialapi;

import static dev.clipflow.socialapi.SocialApiFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.discovery.RelatedList;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.social.PublishedVideo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every route of the social API and its bad inputs, on the real adapters against Dynoxide. */
class SocialApiIT {
    private final SocialApiFixture f = new SocialApiFixture();

    @Test
    void subscribe_thenRepeat_thenCountListAndUnsubscribe() {
        f.channel("chan-a", "creator");

        assertThat(f.call("POST", "/channels/chan-a/subscription", "alice").getStatusCode()).isEqualTo(201);
        assertThat(f.call("POST", "/channels/chan-a/subscription", "alice").getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse count = f.call("GET", "/channels/chan-a/subscribers/count", "bob");
        APIGatewayV2HTTPResponse mine = f.call("GET", "/me/subscriptions", "alice");

        assertThat(body(count)).containsEntry("subscribers", 1).containsEntry("channelId", "chan-a");
        assertThat(body(mine).get("items").toString()).contains("chan-a");
        assertThat(f.call("DELETE", "/channels/chan-a/subscription", "alice").getStatusCode()).isEqualTo(204);
        assertThat(f.call("DELETE", "/channels/chan-a/subscription", "alice").getStatusCode()).isEqualTo(204);
        assertThat(body(f.call("GET", "/channels/chan-a/subscribers/count", "bob"))).containsEntry("subscribers", 0);
    }

    @Test
    void subscribe_missingChannelOrOwnChannel_is4xxAndWritesNothing() {
        f.channel("chan-own", "alice");

        APIGatewayV2HTTPResponse missing = f.call("POST", "/channels/chan-none/subscription", "alice");
        APIGatewayV2HTTPResponse self = f.call("POST", "/channels/chan-own/subscription", "alice");

        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(body(missing)).containsEntry("error", "CHANNEL_NOT_FOUND").containsKey("message");
        assertThat(self.getStatusCode()).isEqualTo(400);
        assertThat(body(self)).containsEntry("error", "SELF_SUBSCRIPTION");
        assertThat(f.subscriptions.subscriptionsOf("alice", null, 10).items()).isEmpty();
        assertThat(f.subscriptions.audience("chan-own").subscribers()).isZero();
        assertThat(f.subscriptions.audience("chan-none").subscribers()).isZero();
        assertThat(f.call("GET", "/channels/chan-none/subscribers/count", "bob").getStatusCode()).isEqualTo(404);
    }

    @Test
    void feed_pagesWithCursor_andRefusesForgedForeignExpiredCursorsAndBadSizes() {
        f.channel("chan-f", "creator");
        f.call("POST", "/channels/chan-f/subscription", "alice");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String videoId = f.video("chan-f", VideoStatus.PUBLISHED);
            ids.add(videoId);
            f.feeds.putTimeline(new PublishedVideo(videoId, "chan-f", f.now.get().minusSeconds(i)).item());
            f.feeds.putBatch(List.of(new dev.clipflow.social.FeedEntry("alice",
                    new PublishedVideo(videoId, "chan-f", f.now.get().minusSeconds(i)).item())));
        }

        Map<String, Object> first = body(f.call("GET", "/me/feed", "alice", Map.of("limit", "2")));
        String cursor = (String) first.get("nextCursor");
        Map<String, Object> second = body(f.call("GET", "/me/feed", "alice", Map.of("limit", "2", "cursor", cursor)));

        assertThat(first.get("items").toString()).contains(ids.get(0), ids.get(1));
        assertThat(second.get("items").toString()).contains(ids.get(2)).doesNotContain(ids.get(1));
        assertThat(second.get("nextCursor")).isNull();
        assertError(f.call("GET", "/me/feed", "alice", Map.of("cursor", cursor.replace('.', 'x'))), 400,
                "INVALID_CURSOR");
        assertError(f.call("GET", "/me/feed", "alice", Map.of("cursor", "bm90LWEtY3Vyc29y.AAAA")), 400,
                "INVALID_CURSOR");
        assertError(f.call("GET", "/me/feed", "mallory", Map.of("cursor", cursor)), 400, "INVALID_CURSOR");
        assertError(f.call("GET", "/me/feed", "alice", Map.of("limit", "0")), 400, "INVALID_PAGE_SIZE");
        assertError(f.call("GET", "/me/feed", "alice", Map.of("limit", "101")), 400, "INVALID_PAGE_SIZE");
        assertError(f.call("GET", "/me/feed", "alice", Map.of("limit", "ten")), 400, "INVALID_PAGE_SIZE");
        f.now.set(f.now.get().plus(Duration.ofHours(1)));
        assertError(f.call("GET", "/me/feed", "alice", Map.of("cursor", cursor)), 400, "CURSOR_EXPIRED");
    }

    @Test
    void views_recordOnce_andRefuseMissingOrUnpublishedVideosWritingNothing() {
        f.channel("chan-v", "creator");
        String published = f.video("chan-v", VideoStatus.PUBLISHED);
        String draft = f.video("chan-v", VideoStatus.PROCESSING);

        assertThat(f.call("POST", "/videos/" + published + "/views", "alice").getStatusCode()).isEqualTo(201);
        assertThat(f.call("POST", "/videos/" + published + "/views", "alice").getStatusCode()).isEqualTo(200);
        assertError(f.call("POST", "/videos/vid-missing/views", "bob"), 404, "VIDEO_NOT_FOUND");
        assertError(f.call("POST", "/videos/" + draft + "/views", "bob"), 409, "VIDEO_NOT_PUBLISHED");
        assertError(f.call("POST", "/videos/Not_An_Id/views", "bob"), 400, "INVALID_ID");

        assertThat(f.coViews.recentWatches("alice", 10)).containsExactly(published);
        assertThat(f.coViews.recentWatches("bob", 10)).isEmpty();
    }

    @Test
    void related_andRecommendations_blendAndExcludeWatched() {
        f.channel("chan-r", "creator");
        String a = f.video("chan-r", VideoStatus.PUBLISHED);
        String b = f.video("chan-r", VideoStatus.PUBLISHED);
        String c = f.video("chan-r", VideoStatus.PUBLISHED);
        f.related.save(new RelatedList(a, List.of(new ScoredVideo(b, 0.8), new ScoredVideo(c, 0.4)), 0), 0);

        Map<String, Object> related = body(f.call("GET", "/videos/" + a + "/related", "alice"));
        f.call("POST", "/videos/" + a + "/views", "alice");
        f.call("POST", "/videos/" + b + "/views", "alice");
        Map<String, Object> recs = body(f.call("GET", "/me/recommendations", "alice", Map.of("limit", "5")));

        assertThat(((List<?>) related.get("items"))).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) related.get("items")).getFirst()).get("videoId")).isEqualTo(b);
        assertThat(recs.get("items").toString()).contains(c).doesNotContain(a).doesNotContain(b);
        assertError(f.call("GET", "/videos/vid-nothing/related", "alice"), 404, "VIDEO_NOT_FOUND");
        assertError(f.call("GET", "/me/recommendations", "alice", Map.of("limit", "51")), 400, "INVALID_PAGE_SIZE");
    }

    @Test
    void feedRelatedAndRecommendations_leaveOutVideosNotPublicNow_andAPrivateVideosRelatedIsTheOwners() {
        f.channel("chan-h", "creator");
        f.call("POST", "/channels/chan-h/subscription", "alice");
        String a = f.video("chan-h", VideoStatus.PUBLISHED);
        String b = f.video("chan-h", VideoStatus.PUBLISHED);
        String c = f.video("chan-h", VideoStatus.PUBLISHED);
        for (String id : List.of(a, b, c)) {
            f.feeds.putBatch(List.of(new dev.clipflow.social.FeedEntry("alice",
                    new PublishedVideo(id, "chan-h", f.now.get()).item())));
        }
        f.related.save(new RelatedList(a, List.of(new ScoredVideo(b, 0.8), new ScoredVideo(c, 0.4)), 0), 0);
        f.call("POST", "/videos/" + a + "/views", "alice");
        assertThat(body(f.call("GET", "/me/feed", "alice")).get("items").toString()).contains(a, b, c);

        // Made unlisted / private after the entries were written (what PATCH does to the record).
        setVisibility(b, "UNLISTED");
        setVisibility(c, "PRIVATE");

        assertThat(body(f.call("GET", "/me/feed", "alice")).get("items").toString()).contains(a)
                .doesNotContain(b).doesNotContain(c);
        assertThat(body(f.call("GET", "/videos/" + a + "/related", "alice")).get("items").toString())
                .doesNotContain(b).doesNotContain(c);
        assertThat(body(f.call("GET", "/me/recommendations", "alice")).get("items").toString())
                .doesNotContain(b).doesNotContain(c);
        assertError(f.call("GET", "/videos/" + c + "/related", "alice"), 404, "VIDEO_NOT_FOUND");
        assertThat(f.call("GET", "/videos/" + c + "/related", "creator").getStatusCode()).isEqualTo(200);
        assertThat(f.call("GET", "/videos/" + b + "/related", "alice").getStatusCode()).isEqualTo(200);
    }

    private void setVisibility(String videoId, String visibility) {
        f.dynamo.updateItem(r -> r.tableName(f.videosTable)
                .key(Map.of("videoId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(videoId)))
                .updateExpression("SET visibility = :v")
                .expressionAttributeValues(Map.of(":v",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(visibility))));
    }

    @Test
    void edge_noIdentityUnknownRouteWrongMethod() {
        assertError(f.call("GET", "/me/feed", null), 401, "UNAUTHENTICATED");
        assertError(f.call("GET", "/me/nothing", "alice"), 404, "NOT_FOUND");
        assertError(f.call("PUT", "/channels/chan-x/subscription", "alice"), 405, "METHOD_NOT_ALLOWED");
        assertError(f.call("POST", "/me/feed", "alice"), 405, "METHOD_NOT_ALLOWED");
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(body(response)).containsEntry("error", code).containsKey("message");
    }
}
