package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.demo.Demo;
import dev.clipflow.local.runtime.demo.DemoOutcome;
import dev.clipflow.local.runtime.demo.DemoReport;
import dev.clipflow.local.runtime.demo.DemoVideo;
import dev.clipflow.local.runtime.events.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.testing.media.TestVideos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        System.setProperty("logging.level.root", "WARN");
        Path root = RepoRoot.get();
        up = Up.start(root.resolve("template.yaml"), root.resolve("local/runtime/target/function-cache"), 0, 1.0,
                LocalHttpApi.defaultIdentity());
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

    static DemoOutcome demo(Path video) throws Exception {
        DemoOutcome o = new Demo(stack, System.out, new Identity("it-" + System.nanoTime(), "it-creator"))
                .run(video, Duration.ofMinutes(10));
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

        DemoOutcome o = demo(video);

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
    }

    @Test
    void up_httpApiWithPresignedUpload_videoReachesPublished() throws Exception {
        // HTTP/1.1 as curl speaks it (see the report: an intermittent stall was seen with the JDK client's h2c
        // upgrade attempts; not yet explained).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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

    static JsonNode call(HttpClient http, String method, String path, String body, String user, int expected)
            throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(up.api().url().resolve(path))
                .header(LocalHttpApi.USER_HEADER, user).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expected);
        return Json.parse(r.body());
    }

    @Test
    void demo_corruptUpload_failedWithReasonAndNoOutputsLeft() throws Exception {
        Path corrupt = Files.copy(TestVideos.shared().corrupt(), tmp.resolve("corrupt.mp4"));

        DemoOutcome o = demo(corrupt);

        assertThat(o.status()).isEqualTo("FAILED");
        assertThat(o.executionStatus()).isEqualTo("FAILED");
        assertThat(o.video().path("failureReason").asText()).isNotBlank();
        assertThat(o.states()).contains("Clean up the failed video");
        assertThat(outputs(o.videoId())).isEmpty();
    }
}
