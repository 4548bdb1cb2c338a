package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.api.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.demo.Demo;
import dev.clipflow.local.runtime.demo.DemoOutcome;
import dev.clipflow.local.runtime.demo.DemoReport;
import dev.clipflow.local.runtime.demo.DemoVideo;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.paging.SignedCursors;
import dev.clipflow.testing.media.TestVideos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The demo flow end to end on the local stack built from the real template.yaml: the real function zips (built
 * first by the reactor: they are this module's dependencies), the real state machine on the local Step
 * Functions endpoint, the emulators. The stack is started as {@code ./clipflow up} starts it, HTTP API included.
 */
class LocalPipelineIT {

    static Up up;
    static LocalClipflow stack;
    static String mediaBucket;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        up = TestStacks.realTemplate();
        stack = up.stack();
        for (FunctionDef f : stack.template().functions()) {
            assertThat(f.codeUri()).as("zip of %s (build: ./mvnw -pl local/runtime -am package)", f.name())
                    .isRegularFile();
        }
        mediaBucket = stack.template().bucket("MediaBucket").orElseThrow().name();
    }

    @AfterAll
    static void stop() {
        if (up != null) {
            up.close();
        }
    }

    static DemoOutcome demo(Path video, Path firstClip) throws Exception {
        DemoOutcome o = new Demo(stack, System.out, new Identity("it-" + System.nanoTime(), "it-creator"))
                .run(video, firstClip, Duration.ofMinutes(10));
        DemoReport.print(o, System.out);
        return o;
    }

    static List<String> outputs(String videoId) {
        return stack.clients().s3().listObjectsV2Paginator(r -> r.bucket(mediaBucket).prefix("videos/" + videoId + "/"))
                .contents().stream().map(S3Object::key).toList();
    }

    @Test
    void demo_generatedVideo_publishedWithRenditionsInS3() throws Exception {
        Path video = DemoVideo.generate(tmp, "640x360", 3);
        Path firstClip = DemoVideo.generate(tmp, "320x180", 1);

        DemoOutcome o = demo(video, firstClip);

        assertThat(o.status()).isEqualTo("PUBLISHED");
        assertThat(o.executionStatus()).isEqualTo("SUCCEEDED");
        assertThat(o.states()).containsSubsequence("Probe the source", "Transcode the HLS ladder",
                "Publish the video");
        assertThat(o.video().path("renditions")).isNotEmpty();
        assertThat(o.video().path("cost").path("total").asDouble()).isPositive();
        String prefix = "videos/" + o.videoId() + "/";
        assertThat(outputs(o.videoId())).contains(prefix + "hls/master.m3u8", prefix + "poster.jpg",
                prefix + "thumbnails/sprite.jpg", prefix + "thumbnails/thumbnails.vtt");
        o.video().path("renditions").forEach(r -> assertThat(outputs(o.videoId()))
                .anyMatch(k -> k.startsWith(prefix + "hls/" + r.path("name").asText() + "/")));
        // Both subscribers' feeds hold the demo video above the first clip; the first clip is related.
        String firstClipId = o.titles().entrySet().stream().filter(e -> e.getValue().contains("first clip"))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(o.feeds()).containsOnlyKeys("dev-viewer-1", "dev-viewer-2");
        o.feeds().values().forEach(feed -> assertThat(feed).containsSubsequence(o.videoId(), firstClipId));
        assertThat(o.related()).anySatisfy(r -> assertThat(r.path("videoId").asText()).isEqualTo(firstClipId));
        assertThat(o.pipeline()).isPositive();
    }

    @Test
    void cloudFrontStandIn_playbackUrlsOfAPublishedVideo_servedFromTheMediaBucketOnly() throws Exception {
        DemoOutcome o = demo(DemoVideo.generate(Files.createDirectories(tmp.resolve("media")), "320x180", 2), null);
        assertThat(o.status()).isEqualTo("PUBLISHED");
        HttpClient http = HttpClient.newHttpClient();
        URI master = URI.create(o.video().path("playback").path("hlsUrl").asText());
        assertThat(master.toString()).startsWith(stack.media().orElseThrow().getKey().toString());

        HttpResponse<String> playlist = http.send(HttpRequest.newBuilder(master).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.body()).startsWith("#EXTM3U").contains("#EXT-X-STREAM-INF");
        assertThat(playlist.headers().firstValue("content-type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(playlist.headers().firstValue("access-control-allow-origin")).hasValue("*");
        // A rendition playlist named by the master resolves too, and a byte range of the poster is honoured.
        String variant = playlist.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst()
                .orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(master.resolve(variant)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("#EXTINF");
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(o.video().path("playback")
                .path("posterUrl").asText())).header("Range", "bytes=0-9").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(10).startsWith((byte) 0xFF, (byte) 0xD8);

        // Only the distribution's origin: the uploads bucket's keys and unknown keys are 403, as is a PUT.
        URI media = stack.media().orElseThrow().getKey();
        stack.clients().s3().putObject(r -> r.bucket(stack.template().bucket("UploadsBucket").orElseThrow().name())
                .key("private/secret.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("secret"));
        assertThat(http.send(HttpRequest.newBuilder(media.resolve("/private/secret.txt")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(media.resolve("/videos/nope/hls/master.m3u8")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(master).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }

    @Test
    void up_httpApiWithPresignedUpload_videoReachesPublished() throws Exception {
        // The JDK client's default: it offers an h2c upgrade on plain HTTP, which the S3 endpoint must not
        // forward (docs/adr/0005). The object-created event is the S3 endpoint's own; nothing emits it here.
        HttpClient http = HttpClient.newHttpClient();
        String user = "http-" + System.nanoTime();
        JsonNode channel = call(http, "POST", "/channels", "{\"name\":\"HTTP channel\"}", user, 201);
        Path video = DemoVideo.generate(Files.createDirectories(tmp.resolve("http")), "640x360", 3);
        long size = Files.size(video);
        JsonNode created = call(http, "POST", "/videos", "{\"channelId\":\"" + channel.path("channelId").asText()
                + "\",\"title\":\"Over HTTP\",\"sizeBytes\":" + size
                + ",\"contentType\":\"video/mp4\",\"fileName\":\"over http.mp4\"}", user, 201);
        String videoId = created.path("videoId").asText();
        assertThat(created.path("partCount").asInt()).isEqualTo(1);

        HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(created.path("parts").get(0)
                .path("url").asText())).PUT(HttpRequest.BodyPublishers.ofFile(video)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(put.statusCode()).isEqualTo(200);
        call(http, "POST", "/videos/" + videoId + "/upload/complete", "{\"parts\":[{\"partNumber\":1,\"eTag\":"
                + Json.write(Json.text(put.headers().firstValue("ETag").orElseThrow())) + "}]}", user, 200);

        String status = "";
        for (long end = System.nanoTime() + Duration.ofMinutes(5).toNanos(); System.nanoTime() < end
                && !status.equals("PUBLISHED") && !status.equals("FAILED"); Thread.sleep(500)) {
            status = call(http, "GET", "/videos/" + videoId, null, user, 200).path("status").asText();
        }
        assertThat(status).isEqualTo("PUBLISHED");
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(up.api().url().resolve("/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    /**
     * The social API signs its page cursors with the key it read from the local Secrets Manager at initialisation
     * (the template's generated CursorSecret, by the ARN in CURSOR_SECRET_ARN): a viewer pages through every
     * subscription with them, and a cursor changed by one character is refused.
     */
    @Test
    void up_socialApiCursors_signedWithTheTemplatesGeneratedSecret_pageThroughAndRefuseForgeries() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String viewer = "pager-" + System.nanoTime();
        Set<String> channels = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            String channel = call(http, "POST", "/channels", "{\"name\":\"Paged " + i + "\"}", viewer + "-creator-" + i,
                    201).path("channelId").asText();
            call(http, "POST", "/channels/" + channel + "/subscription", null, viewer, 201);
            channels.add(channel);
        }

        Set<String> seen = new TreeSet<>();
        String cursor = null;
        String firstCursor = null;
        for (int page = 0; page < 5; page++) {
            JsonNode p = call(http, "GET", "/me/subscriptions?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    null, viewer, 200);
            p.path("items").forEach(item -> seen.add(item.path("channelId").asText()));
            cursor = p.path("nextCursor").isTextual() ? p.path("nextCursor").asText() : null;
            firstCursor = firstCursor == null ? cursor : firstCursor;
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).isEqualTo(channels);
        assertThat(firstCursor).isNotNull();
        String arn = stack.template().function("SocialApiFunction").orElseThrow().environment()
                .get("CURSOR_SECRET_ARN");
        String key = stack.clients().secretsManager().getSecretValue(r -> r.secretId(arn)).secretString();
        assertThat(new SignedCursors(key.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(),
                Duration.ofHours(1)).open("subscriptions|" + viewer, firstCursor))
                .as("signed with the generated secret's value").isNotBlank();
        String forged = (firstCursor.charAt(0) == 'A' ? 'B' : 'A') + firstCursor.substring(1);
        assertThat(call(http, "GET", "/me/subscriptions?limit=1&cursor=" + forged, null, viewer, 400)
                .path("error").toString()).contains("INVALID_CURSOR");
    }

    static JsonNode call(HttpClient http, String method, String path, String body, String user, int expected)
            throws Exception {
        return TestStacks.call(up, http, method, path, body, user, expected);
    }

    @Test
    void demo_corruptUpload_failedWithReasonAndNoOutputsLeft() throws Exception {
        Path corrupt = Files.copy(TestVideos.shared().corrupt(), tmp.resolve("corrupt.mp4"));

        DemoOutcome o = demo(corrupt, null);

        assertThat(o.status()).isEqualTo("FAILED");
        assertThat(o.executionStatus()).isEqualTo("FAILED");
        assertThat(o.video().path("failureReason").asText()).isNotBlank();
        assertThat(o.states()).contains("Clean up the failed video");
        assertThat(outputs(o.videoId())).isEmpty();
    }
}
