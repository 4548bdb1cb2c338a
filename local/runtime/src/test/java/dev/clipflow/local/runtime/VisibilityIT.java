package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.runtime.demo.DemoVideo;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Each visibility end to end on the local stack built from template.yaml (docs/adr/0014), as a creator and a viewer
 * meet it over the HTTP API and the CloudFront stand-in: three videos of one channel - public, unlisted, private -
 * uploaded, transcoded and published by the real functions and state machine; who can list, get and play each,
 * signed and unsigned playlist and segment requests, where the media is, and what feeds and related lists show.
 */
class VisibilityIT {
    private static final String CREATOR = "vis-creator-" + System.nanoTime();
    private static final String VIEWER = "vis-viewer-" + System.nanoTime();

    static Up up;
    static LocalClipflow stack;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String channel;
    static String publicId;
    static String unlistedId;
    static String privateId;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        up = TestStacks.realTemplate();
        stack = up.stack();
        channel = call("POST", "/channels", "{\"name\":\"Cats\"}", CREATOR, 201).path("channelId").asText();
        call("POST", "/channels/" + channel + "/subscription", null, VIEWER, 201);
        Path video = DemoVideo.generate(Files.createDirectories(tmp.resolve("v")), "320x180", 2);
        publicId = upload(video, null);
        unlistedId = upload(video, "unlisted");
        privateId = upload(video, "PRIVATE");
        for (String id : List.of(publicId, unlistedId, privateId)) {
            TestStacks.awaitPublished(up, HTTP, CREATOR, id);
        }
    }

    @AfterAll
    static void stop() {
        if (up != null) {
            up.close();
        }
    }

    @Test
    void listing_othersSeeOnlyThePublicVideo_theOwnerAllThree() throws Exception {
        assertThat(ids(call("GET", "/channels/" + channel + "/videos", null, VIEWER, 200)))
                .containsExactly(publicId);
        assertThat(ids(call("GET", "/channels/" + channel + "/videos", null, CREATOR, 200)))
                .containsExactlyInAnyOrder(publicId, unlistedId, privateId);
        call("GET", "/videos/" + unlistedId, null, VIEWER, 200);
        call("GET", "/videos/" + privateId, null, VIEWER, 404);
        assertThat(call("GET", "/videos/" + privateId, null, CREATOR, 200).path("visibility").asText())
                .isEqualTo("PRIVATE");
    }

    @Test
    void media_ofRestrictedVideos_isUnderRestricted_andNothingUnderVideos() {
        assertThat(keys("videos/" + publicId + "/")).isNotEmpty();
        assertThat(keys("restricted/" + publicId + "/")).isEmpty();
        for (String id : List.of(unlistedId, privateId)) {
            assertThat(keys("restricted/" + id + "/")).as(id).anyMatch(k -> k.endsWith("/hls/master.m3u8"));
            assertThat(keys("videos/" + id + "/")).as(id).isEmpty();
        }
    }

    @Test
    void playback_publicPlaysUnsigned_restrictedOnlySigned_andASignatureOpensNoOtherVideo() throws Exception {
        JsonNode open = call("GET", "/videos/" + publicId + "/playback", null, VIEWER, 200);
        assertThat(open.has("signedQuery")).isFalse();
        assertThat(get(open.path("hlsUrl").asText(), "").statusCode()).isEqualTo(200);

        JsonNode unlisted = call("GET", "/videos/" + unlistedId + "/playback", null, VIEWER, 200);
        String master = unlisted.path("hlsUrl").asText();
        String query = query(unlisted.path("signedQuery"));
        assertThat(master).contains("/restricted/" + unlistedId + "/hls/master.m3u8");
        HttpResponse<byte[]> signedMaster = get(master, query);
        assertThat(signedMaster.statusCode()).isEqualTo(200);
        assertThat(get(master, "").statusCode()).as("unsigned playlist").isEqualTo(403);
        String variant = URI.create(master)
                .resolve(firstUri(new String(signedMaster.body(), StandardCharsets.UTF_8))).toString();
        HttpResponse<byte[]> signedVariant = get(variant, query);
        assertThat(signedVariant.statusCode()).isEqualTo(200);
        String segment = URI.create(variant)
                .resolve(firstUri(new String(signedVariant.body(), StandardCharsets.UTF_8))).toString();
        assertThat(get(segment, query).statusCode()).as("signed segment").isEqualTo(200);
        assertThat(get(segment, "").statusCode()).as("unsigned segment").isEqualTo(403);
        String tampered = query.replaceFirst("Signature=(.)",
                "Signature=" + (query.contains("Signature=A") ? "B" : "A"));
        assertThat(get(segment, tampered).statusCode()).as("tampered signature").isEqualTo(403);

        call("GET", "/videos/" + privateId + "/playback", null, VIEWER, 404);
        JsonNode own = call("GET", "/videos/" + privateId + "/playback", null, CREATOR, 200);
        String privateMaster = own.path("hlsUrl").asText();
        assertThat(get(privateMaster, query(own.path("signedQuery"))).statusCode()).isEqualTo(200);
        assertThat(get(privateMaster, query).statusCode()).as("the unlisted video's signature").isEqualTo(403);
        assertThat(get(privateMaster, "").statusCode()).isEqualTo(403);
    }

    @Test
    void feedsAndRelatedLists_holdOnlyThePublicVideo() throws Exception {
        // The fan-out runs after PUBLISHED (the pipeline's last branch): wait for the public video's entry.
        List<String> feed = List.of();
        for (long end = System.nanoTime() + Duration.ofMinutes(2).toNanos(); System.nanoTime() < end
                && feed.isEmpty(); Thread.sleep(500)) {
            feed = ids(call("GET", "/me/feed", null, VIEWER, 200));
        }
        assertThat(feed).containsExactly(publicId);
        assertThat(stack.clients().dynamoDb().scan(r -> r.tableName(stack.template().tables().stream()
                .filter(t -> t.logicalId().equals("FeedsTable")).findFirst().orElseThrow().name())).items().toString())
                .as("nothing of the restricted videos is written to any feed or timeline")
                .doesNotContain(unlistedId, privateId);
        String discovery = stack.template().tables().stream().filter(t -> t.logicalId().equals("DiscoveryTable"))
                .findFirst().orElseThrow().name();
        String indexed = "";
        for (long end = System.nanoTime() + Duration.ofMinutes(2).toNanos(); System.nanoTime() < end
                && !indexed.contains(publicId); Thread.sleep(500)) {
            indexed = stack.clients().dynamoDb().scan(r -> r.tableName(discovery)).items().toString();
        }
        assertThat(indexed).as("the public video is indexed").contains(publicId)
                .as("the restricted ones are not").doesNotContain(unlistedId, privateId);
        // The three share title and tags: only the public one is indexed, so none lists another.
        assertThat(ids(call("GET", "/videos/" + publicId + "/related", null, VIEWER, 200)))
                .doesNotContain(unlistedId, privateId);
        assertThat(ids(call("GET", "/videos/" + unlistedId + "/related", null, VIEWER, 200)))
                .doesNotContain(privateId, unlistedId);
        call("GET", "/videos/" + privateId + "/related", null, VIEWER, 404);
    }

    private static String upload(Path video, String visibility) throws Exception {
        ObjectNode metadata = TestStacks.video("Sleepy cats", "cats", "sleep");
        if (visibility != null) {
            metadata.put("visibility", visibility);
        }
        return TestStacks.upload(up, HTTP, CREATOR, channel, metadata, video);
    }

    private static List<String> keys(String prefix) {
        String bucket = stack.template().bucket("MediaBucket").orElseThrow().name();
        return stack.clients().s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("videoId").asText()));
        return ids;
    }

    private static String query(JsonNode signed) {
        List<String> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = signed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            pairs.add(e.getKey() + "=" + URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8));
        }
        assertThat(pairs).hasSize(3);
        return String.join("&", pairs);
    }

    private static String firstUri(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
    }

    private static HttpResponse<byte[]> get(String url, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(query.isEmpty() ? url : url + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode call(String method, String path, String body, String user, int expected)
            throws Exception {
        return TestStacks.call(up, HTTP, method, path, body, user, expected);
    }
}
