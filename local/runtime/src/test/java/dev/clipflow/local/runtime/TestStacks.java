package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.api.LocalHttpApi;
import dev.clipflow.local.runtime.function.FixtureFunction;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The stacks the local runtime's integration tests start, and a call to the local HTTP API of one. */
final class TestStacks {
    private TestStacks() {
    }

    /**
     * A stack from the test template {@code templateResource} (src/test/resources) whose functions are the
     * EventRecorder fixture: each appends the events it gets to {@code records(dir)/<bean>.jsonl}. The fixture
     * templates declare no roles, so IAM is off (the IAM tests use the real template).
     */
    static LocalClipflow fixture(Path dir, String templateResource, double clockSpeed) throws IOException {
        FixtureFunction.build(dir, "EventRecorder", "recorder.zip");
        try (InputStream in = TestStacks.class.getResourceAsStream(templateResource)) {
            Files.write(dir.resolve("template.yaml"), in.readAllBytes());
        }
        System.setProperty("RECORD_DIR", Files.createDirectories(records(dir)).toString());
        return LocalClipflow.start(dir.resolve("template.yaml"), dir.resolve("cache"), clockSpeed, false);
    }

    /** Where the fixture's functions record their events. */
    static Path records(Path dir) {
        return dir.resolve("records");
    }

    /** The repository's template.yaml with every function's zip, behind the local HTTP API, as ./clipflow up runs. */
    static Up realTemplate() {
        return realTemplate(RepoRoot.get().resolve("template.yaml"));
    }

    /** As {@link #realTemplate()}, from {@code template} (a copy of the repository's that changes some value). */
    static Up realTemplate(Path template) {
        System.setProperty("logging.level.root", "WARN");
        return Up.start(template, RepoRoot.get().resolve("local/runtime/target/function-cache"), 0, 1.0,
                LocalHttpApi.defaultIdentity());
    }

    /**
     * {@code method path} with {@code body} as {@code user} on {@code up}'s HTTP API; fails unless it answers
     * {@code expected}.
     */
    static JsonNode call(Up up, HttpClient http, String method, String path, String body, String user, int expected)
            throws Exception {
        HttpResponse<String> r = send(up, http, method, path, body, user);
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expected);
        return Json.parse(r.body());
    }

    /** {@code method path} with {@code body} (JSON, or {@code null}) as {@code user} on {@code up}'s HTTP API. */
    static HttpResponse<String> send(Up up, HttpClient http, String method, String path, String body, String user)
            throws Exception {
        return http.send(HttpRequest.newBuilder(up.api().url().resolve(path))
                .header(LocalHttpApi.USER_HEADER, user).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A new video's metadata for {@code POST /videos}: its title and tags ({@link #upload} adds the file's). */
    static ObjectNode video(String title, String... tags) {
        ObjectNode video = Json.object().put("title", title);
        ArrayNode list = video.putArray("tags");
        for (String tag : tags) {
            list.add(tag);
        }
        return video;
    }

    /**
     * Creates {@code video} in {@code channelId} as {@code user} ({@code POST /videos}), PUTs {@code file} to the
     * presigned URL of its one part and completes the upload, whose object-created event starts the pipeline.
     *
     * @return the video id
     */
    static String upload(Up up, HttpClient http, String user, String channelId, ObjectNode video, Path file)
            throws Exception {
        ObjectNode request = video.deepCopy().put("channelId", channelId).put("sizeBytes", Files.size(file))
                .put("contentType", "video/mp4").put("fileName", file.getFileName().toString());
        JsonNode created = call(up, http, "POST", "/videos", Json.write(request), user, 201);
        HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(created.path("parts").get(0)
                .path("url").asText())).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(put.statusCode()).as("PUT of %s", file).isEqualTo(200);
        String videoId = created.path("videoId").asText();
        call(up, http, "POST", "/videos/" + videoId + "/upload/complete", "{\"parts\":[{\"partNumber\":1,\"eTag\":"
                + Json.write(Json.text(put.headers().firstValue("ETag").orElseThrow())) + "}]}", user, 200);
        return videoId;
    }

    /** Waits up to 5 minutes for the video's pipeline to end; fails unless the owner then sees it PUBLISHED. */
    static void awaitPublished(Up up, HttpClient http, String owner, String videoId) throws Exception {
        String status = "";
        for (long end = System.nanoTime() + Duration.ofMinutes(5).toNanos(); System.nanoTime() < end
                && !status.equals("PUBLISHED") && !status.equals("FAILED"); Thread.sleep(250)) {
            status = call(up, http, "GET", "/videos/" + videoId, null, owner, 200).path("status").asText();
        }
        assertThat(status).as("video %s", videoId).isEqualTo("PUBLISHED");
    }
}
