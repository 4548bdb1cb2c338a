package dev.clipflow.uploadapi;

import static dev.clipflow.uploadapi.UploadApiIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.http.HttpEvents;
import dev.clipflow.media.MediaKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Visibility through the upload API (docs/adr/0014) on the real adapters against Dynoxide and S3Proxy. */
class VisibilityApiIT {
    private static final ChannelLimits LIMITS = new ChannelLimits(64L * 1024 * 1024, Set.of("video/mp4"), 10);

    private final ApiFixture fx = new ApiFixture();
    private final UploadApi api = fx.api(Duration.ofMinutes(15));

    @Test
    void createVideo_visibilityChosenOrPublic_isStoredAndShown() {
        String channelId = fx.channel("alice", LIMITS);

        String byDefault = created(api.apply(create("alice", channelId, null)));
        String unlisted = created(api.apply(create("alice", channelId, "unlisted")));
        String hidden = created(api.apply(create("alice", channelId, "PRIVATE")));

        assertThat(fx.videos.get(byDefault).visibility().name()).isEqualTo("PUBLIC");
        assertThat(fx.videos.get(unlisted).visibility().name()).isEqualTo("UNLISTED");
        assertThat(fx.videos.get(hidden).visibility().name()).isEqualTo("PRIVATE");
        assertThat(view("alice", hidden).get("visibility").stringValue()).isEqualTo("PRIVATE");
        assertThat(view("alice", byDefault).get("visibility").stringValue()).isEqualTo("PUBLIC");
    }

    @Test
    void createVideo_unknownVisibility_is400NamingIt_andStoresNothing() {
        String channelId = fx.channel("alice", LIMITS);

        APIGatewayV2HTTPResponse response = api.apply(create("alice", channelId, "friends-only"));

        assertError(response, 400, "INVALID_METADATA");
        assertThat(ApiFixture.body(response).get("message").stringValue()).contains("visibility")
                .contains("friends-only");
        assertThat(fx.videos.listByChannel(channelId, null, 10).items()).isEmpty();
    }

    @Test
    void getVideo_privateIs404ForOthers_unlistedAndPublicAreShown_ownerSeesAll() {
        String channelId = fx.channel("alice", LIMITS);
        String pub = published(channelId, null);
        String unlisted = published(channelId, "UNLISTED");
        String hidden = published(channelId, "PRIVATE");

        assertThat(api.apply(get("bob", pub)).getStatusCode()).isEqualTo(200);
        assertThat(api.apply(get("bob", unlisted)).getStatusCode()).isEqualTo(200);
        assertError(api.apply(get("bob", hidden)), 404, "VIDEO_NOT_FOUND");
        assertThat(view("alice", hidden).get("status").stringValue()).isEqualTo("PUBLISHED");
    }

    @Test
    void listVideos_othersSeeOnlyPublicPublished_ownerSeesEveryVisibility() {
        String channelId = fx.channel("alice", LIMITS);
        String pub = published(channelId, "public");
        String unlisted = published(channelId, "UNLISTED");
        String hidden = published(channelId, "PRIVATE");

        assertThat(listed("bob", channelId)).containsExactly(pub);
        assertThat(listed("alice", channelId)).containsExactly(hidden, unlisted, pub);
    }

    @Test
    void playback_publicIsAPlainUrl_restrictedIsSignedForItsPrefixTenMinutes_privateOnlyForTheOwner() {
        String channelId = fx.channel("alice", LIMITS);
        String pub = published(channelId, null);
        String unlisted = published(channelId, "UNLISTED");
        String hidden = published(channelId, "PRIVATE");
        String draft = created(api.apply(create("alice", channelId, "PRIVATE")));

        JsonNode open = playback("bob", pub);
        JsonNode signed = playback("bob", unlisted);
        JsonNode own = playback("alice", hidden);

        assertThat(open.get("hlsUrl").stringValue()).isEqualTo(ApiFixture.MEDIA_BASE + "/videos/" + pub
                + "/hls/master.m3u8");
        assertThat(open.has("signedQuery")).isFalse();
        assertThat(signed.get("hlsUrl").stringValue()).isEqualTo(ApiFixture.MEDIA_BASE + "/restricted/" + unlisted
                + "/hls/master.m3u8");
        JsonNode query = signed.get("signedQuery");
        assertThat(query.get("Key-Pair-Id").stringValue()).isEqualTo(ApiFixture.KEY_PAIR_ID);
        String policy = new String(java.util.Base64.getDecoder().decode(query.get("Policy").stringValue()
                .replace('-', '+').replace('_', '=').replace('~', '/')), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(policy).contains("\"Resource\":\"" + ApiFixture.MEDIA_BASE + "/restricted/" + unlisted + "/*\"");
        java.time.Instant expires = java.time.Instant.parse(signed.get("expiresAt").stringValue());
        assertThat(expires).isBetween(java.time.Instant.now().plusSeconds(590),
                java.time.Instant.now().plusSeconds(601));
        assertThat(dev.clipflow.media.CloudFrontSignatures.allows(ApiFixture.MEDIA_BASE + "/restricted/" + unlisted
                + "/hls/360p/seg_00000.ts", query.get("Policy").stringValue(), query.get("Signature").stringValue(),
                ApiFixture.SIGNING_KEYS.getPublic(), java.time.Instant.now())).isTrue();
        assertThat(dev.clipflow.media.CloudFrontSignatures.allows(ApiFixture.MEDIA_BASE + "/restricted/" + hidden
                + "/hls/master.m3u8", query.get("Policy").stringValue(), query.get("Signature").stringValue(),
                ApiFixture.SIGNING_KEYS.getPublic(), java.time.Instant.now())).as("another video").isFalse();
        assertThat(own.get("signedQuery").has("Signature")).isTrue();
        assertError(api.apply(HttpEvents.request("GET", "/videos/" + hidden + "/playback", "bob", null)), 404,
                "VIDEO_NOT_FOUND");
        assertError(api.apply(HttpEvents.request("GET", "/videos/" + draft + "/playback", "alice", null)), 409,
                "VIDEO_NOT_PUBLISHED");
        assertError(api.apply(HttpEvents.request("GET", "/videos/" + draft + "/playback", "bob", null)), 404,
                "VIDEO_NOT_FOUND");
        assertError(api.apply(HttpEvents.request("GET", "/videos/" + unlisted + "/playback", null, null)), 401,
                "UNAUTHENTICATED");
    }

    @Test
    void playback_signingKeyNotConfigured_is503_andPublicVideosStillPlay() {
        String channelId = fx.channel("alice", LIMITS);
        String pub = published(channelId, null);
        String unlisted = published(channelId, "UNLISTED");
        fx.signingKeyPem = () -> "placeholder-from-GenerateSecretString";
        UploadApi unconfigured = fx.api(Duration.ofMinutes(15));

        assertThat(unconfigured.apply(HttpEvents.request("GET", "/videos/" + pub + "/playback", "bob", null))
                .getStatusCode()).isEqualTo(200);
        assertError(unconfigured.apply(HttpEvents.request("GET", "/videos/" + unlisted + "/playback", "bob", null)),
                503, "SIGNING_UNAVAILABLE");
    }

    private JsonNode playback(String user, String videoId) {
        APIGatewayV2HTTPResponse response = api.apply(HttpEvents.request("GET", "/videos/" + videoId + "/playback",
                user, null));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return ApiFixture.body(response);
    }

    private List<String> listed(String user, String channelId) {
        JsonNode page = ApiFixture.body(api.apply(HttpEvents.request("GET", "/channels/" + channelId + "/videos",
                user, null)));
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(v -> ids.add(v.get("videoId").stringValue()));
        return ids;
    }

    private String published(String channelId, String visibility) {
        String videoId = created(api.apply(create("alice", channelId, visibility)));
        fx.videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        boolean restricted = visibility != null && !visibility.equalsIgnoreCase("public");
        fx.videos.publish(videoId, List.of(), new Video.PublishedAssets(MediaKeys.masterPlaylist(videoId, restricted),
                null, null, null));
        return videoId;
    }

    private JsonNode view(String user, String videoId) {
        APIGatewayV2HTTPResponse response = api.apply(get(user, videoId));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return ApiFixture.body(response);
    }

    private static APIGatewayV2HTTPEvent get(String user, String videoId) {
        return HttpEvents.request("GET", "/videos/" + videoId, user, null);
    }

    private static String created(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiFixture.body(response).get("videoId").stringValue();
    }

    private static APIGatewayV2HTTPEvent create(String sub, String channelId, String visibility) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelId", channelId);
        body.put("title", "Holiday");
        body.put("sizeBytes", 1000);
        body.put("contentType", "video/mp4");
        body.put("fileName", "a.mp4");
        if (visibility != null) {
            body.put("visibility", visibility);
        }
        return HttpEvents.request("POST", "/videos", sub, ApiFixture.json(body));
    }
}
