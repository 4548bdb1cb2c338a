package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A published video's visibility changed with {@code PATCH /videos/{videoId}} through the local runtime built from
 * template.yaml (docs/adr/0014): the VideoVisibilityChange state machine (on the same engine as the pipeline) moves
 * the media between {@code videos/} and {@code restricted/}, switches the record, deletes the old media and un-lists
 * the video, or lists it again through the pipeline's own fan-out and recommendation functions. Checked as the
 * creator, a subscriber and the CloudFront stand-in meet it.
 */
class VisibilityChangeIT {
    private static final String CREATOR = "vc-creator-" + System.nanoTime();
    private static final String VIEWER = "vc-viewer-" + System.nanoTime();
    private static final Duration EXECUTION = Duration.ofMinutes(3);

    static Up up;
    static LocalClipflow stack;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        up = TestStacks.realTemplate();
        stack = up.stack();
        VideoEventsIT.up = up;
    }

    @AfterAll
    static void stop() {
        if (up != null) {
            up.close();
        }
    }

    @Test
    void publicToPrivateAndBack_movesTheMedia_guardsItWithSignatures_andUnlistsAndListsTheVideoAgain()
            throws Exception {
        String channel = call("POST", "/channels", "{\"name\":\"Changing cats\"}", CREATOR, 201).path("channelId")
                .asText();
        call("POST", "/channels/" + channel + "/subscription", null, VIEWER, 201);
        Path clip = DemoVideo.generate(Files.createDirectories(tmp.resolve("clip")), "320x180", 2);
        // Two videos of the same text: the later one enters the earlier one's related list.
        String neighbour = TestStacks.upload(up, HTTP, CREATOR, channel, TestStacks.video("Cats changing", "cats"),
                clip);
        String id = TestStacks.upload(up, HTTP, CREATOR, channel, TestStacks.video("Cats changing", "cats"), clip);
        TestStacks.awaitPublished(up, HTTP, CREATOR, neighbour);
        TestStacks.awaitPublished(up, HTTP, CREATOR, id);
        awaitThat("the video in the subscriber's feed, indexed and in its neighbour's related list",
                () -> feed().contains(id) && discovery().contains(id) && related(neighbour).contains(id));

        // PUBLIC -> PRIVATE
        JsonNode accepted = call("PATCH", "/videos/" + id, "{\"visibility\":\"private\"}", CREATOR, 202);
        assertThat(accepted.path("visibility").asText()).as("the old one until the switch").isEqualTo("PUBLIC");
        assertThat(accepted.path("visibilityChange").path("to").asText()).isEqualTo("PRIVATE");
        call("PATCH", "/videos/" + id, "{\"visibility\":\"unlisted\"}", CREATOR, 409);
        Instant requestedAt = Instant.parse(accepted.path("visibilityChange").path("requestedAt").asText());
        awaitSucceeded(id, requestedAt);

        JsonNode own = call("GET", "/videos/" + id, null, CREATOR, 200);
        assertThat(own.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(own.has("visibilityChange")).as("the change is over").isFalse();
        assertThat(keys("videos/" + id + "/")).isEmpty();
        assertThat(keys("restricted/" + id + "/")).anyMatch(k -> k.endsWith("/hls/master.m3u8"))
                .anyMatch(k -> k.endsWith("/poster.jpg"));
        JsonNode playback = call("GET", "/videos/" + id + "/playback", null, CREATOR, 200);
        String master = playback.path("hlsUrl").asText();
        assertThat(master).contains("/restricted/" + id + "/hls/master.m3u8");
        assertThat(get(master, "").statusCode()).as("unsigned playlist").isEqualTo(403);
        assertThat(get(master, query(playback.path("signedQuery"))).statusCode()).as("signed playlist")
                .isEqualTo(200);
        assertThat(own.path("playback").path("posterUrl").asText()).contains("/restricted/" + id + "/poster.jpg");
        call("GET", "/videos/" + id, null, VIEWER, 404);
        assertThat(feed()).doesNotContain(id);
        assertThat(table("FeedsTable")).as("no feed entry or reference left").doesNotContain(id);
        assertThat(discovery()).as("no posting, marker, list or reference left").doesNotContain(id);
        assertThat(related(neighbour)).doesNotContain(id);
        assertThat(stack.cdnInvalidations()).contains(List.of("MediaDistribution",
                "visibility-" + id + "-" + requestedAt.toEpochMilli(), "/videos/" + id + "/*"));
        assertThat(changedEvents(id)).singleElement().satisfies(e -> {
            assertThat(e.path("detail").path("visibility").asText()).isEqualTo("PRIVATE");
            assertThat(e.path("detail").path("previousVisibility").asText()).isEqualTo("PUBLIC");
        });

        // PRIVATE -> PUBLIC
        JsonNode back = call("PATCH", "/videos/" + id, "{\"visibility\":\"PUBLIC\"}", CREATOR, 202);
        awaitSucceeded(id, Instant.parse(back.path("visibilityChange").path("requestedAt").asText()));

        assertThat(call("GET", "/videos/" + id, null, CREATOR, 200).path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(keys("restricted/" + id + "/")).isEmpty();
        assertThat(keys("videos/" + id + "/")).anyMatch(k -> k.endsWith("/hls/master.m3u8"));
        JsonNode open = call("GET", "/videos/" + id + "/playback", null, VIEWER, 200);
        assertThat(open.has("signedQuery")).isFalse();
        assertThat(open.path("hlsUrl").asText()).contains("/videos/" + id + "/hls/master.m3u8");
        assertThat(get(open.path("hlsUrl").asText(), "").statusCode()).as("plain playlist").isEqualTo(200);
        assertThat(feed()).as("back in the subscriber's feed").contains(id);
        assertThat(discovery()).as("indexed again").contains(id);
        List<JsonNode> changed = changedEvents(id);
        assertThat(changed).hasSize(2);
        assertThat(changed.get(1).path("detail").path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(changed).allSatisfy(e -> assertThat(VideoEventsIT.validate(e)).isEmpty());
    }

    @Test
    void change_whoseOldMediaStepFailsForGood_staysPending_andTheSamePatchRestartsItWhereItStopped() throws Exception {
        String channel = call("POST", "/channels", "{\"name\":\"Denied CDN\"}", CREATOR, 201).path("channelId")
                .asText();
        Path clip = DemoVideo.generate(Files.createDirectories(tmp.resolve("denied")), "320x180", 1);
        String id = TestStacks.upload(up, HTTP, CREATOR, channel, TestStacks.video("Denied CDN", "cdn"), clip);
        TestStacks.awaitPublished(up, HTTP, CREATOR, id);

        // The CDN refuses every invalidation (403, not retried): the old media's step fails for good.
        Instant requestedAt;
        stack.denyCdnInvalidations(true);
        try {
            requestedAt = Instant.parse(call("PATCH", "/videos/" + id, "{\"visibility\":\"PRIVATE\"}", CREATOR, 202)
                    .path("visibilityChange").path("requestedAt").asText());
            assertThat(awaitEnded(id + "-visibility-" + requestedAt.toEpochMilli()))
                    .isEqualTo(ExecutionStatus.FAILED);
        } finally {
            stack.denyCdnInvalidations(false);
        }
        JsonNode stuck = call("GET", "/videos/" + id, null, CREATOR, 200);
        assertThat(stuck.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(stuck.path("visibilityChange").path("to").asText()).as("still pending").isEqualTo("PRIVATE");
        assertThat(stuck.path("visibilityChange").path("requestedAt").asText()).isEqualTo(requestedAt.toString());
        call("PATCH", "/videos/" + id, "{\"visibility\":\"UNLISTED\"}", CREATOR, 409);

        JsonNode again = call("PATCH", "/videos/" + id, "{\"visibility\":\"private\"}", CREATOR, 202);
        assertThat(again.path("visibilityChange").path("requestedAt").asText()).as("the same change")
                .isEqualTo(requestedAt.toString());
        String first = id + "-visibility-" + requestedAt.toEpochMilli();
        assertThat(awaitEnded(first + "-2")).isEqualTo(ExecutionStatus.SUCCEEDED);
        call("PATCH", "/videos/" + id, "{\"visibility\":\"PRIVATE\"}", CREATOR, 200);

        Map<String, ExecutionStatus> attempts = new TreeMap<>();
        executions(id).forEach(e -> attempts.put(e.name(), e.status()));
        assertThat(attempts).containsExactly(Map.entry(first, ExecutionStatus.FAILED),
                Map.entry(first + "-2", ExecutionStatus.SUCCEEDED));
        assertThat(stepsOf(first + "-2")).as("the steps the first attempt did are skipped")
                .containsExactly("COPY_MEDIA skipped", "SWITCH skipped", "DELETE_OLD_MEDIA done", "UNLIST done",
                        "FINISH done");
        JsonNode own = call("GET", "/videos/" + id, null, CREATOR, 200);
        assertThat(own.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(own.has("visibilityChange")).as("the change is over").isFalse();
        assertThat(keys("videos/" + id + "/")).isEmpty();
        assertThat(keys("restricted/" + id + "/")).anyMatch(k -> k.endsWith("/hls/master.m3u8"));
        assertThat(stack.cdnInvalidations()).contains(List.of("MediaDistribution",
                "visibility-" + id + "-" + requestedAt.toEpochMilli(), "/videos/" + id + "/*"));
        assertThat(changedEvents(id)).as("switched once").hasSize(1);
    }

    @Test
    void patchVisibility_ofSomeoneElsesVideo_is404_andStartsNothing() throws Exception {
        String channel = call("POST", "/channels", "{\"name\":\"Not yours\"}", CREATOR, 201).path("channelId")
                .asText();
        String id = call("POST", "/videos", "{\"channelId\":\"" + channel + "\",\"title\":\"Mine\",\"sizeBytes\":1000,"
                + "\"contentType\":\"video/mp4\"}", CREATOR, 201).path("videoId").asText();

        call("PATCH", "/videos/" + id, "{\"visibility\":\"PRIVATE\"}", VIEWER, 404);

        assertThat(executions(id)).isEmpty();
        assertThat(call("GET", "/videos/" + id, null, CREATOR, 200).path("visibility").asText()).isEqualTo("PUBLIC");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static JsonNode call(String method, String path, String body, String user, int expected)
            throws Exception {
        return TestStacks.call(up, HTTP, method, path, body, user, expected);
    }

    private static List<String> feed() {
        try {
            return ids(call("GET", "/me/feed", null, VIEWER, 200));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> related(String videoId) {
        try {
            return ids(call("GET", "/videos/" + videoId + "/related", null, VIEWER, 200));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitThat(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(until);
            Thread.sleep(500);
        }
    }

    /** Waits for the change's execution (named by the video and the request's time) and checks it SUCCEEDED. */
    private static void awaitSucceeded(String videoId, Instant requestedAt) throws InterruptedException {
        String name = videoId + "-visibility-" + requestedAt.toEpochMilli();
        Instant until = Instant.now().plus(EXECUTION);
        ExecutionListItem execution = null;
        while (execution == null || execution.status() == ExecutionStatus.RUNNING) {
            assertThat(Instant.now()).as("execution " + name).isBefore(until);
            Thread.sleep(250);
            execution = executions(videoId).stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
        }
        String arn = execution.executionArn();
        var done = stack.clients().sfn().describeExecution(r -> r.executionArn(arn));
        assertThat(done.status()).as("%s: %s %s", name, done.error(), done.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    /** Waits for execution {@code name} of the visibility machine to end and answers how it ended. */
    private static ExecutionStatus awaitEnded(String name) throws InterruptedException {
        String arn = stack.template().stateMachine("VideoVisibilityChange").orElseThrow().arn()
                .replace(":stateMachine:", ":execution:") + ":" + name;
        Instant until = Instant.now().plus(EXECUTION);
        ExecutionStatus status = null;
        while (status == null || status == ExecutionStatus.RUNNING) {
            assertThat(Instant.now()).as("execution " + name).isBefore(until);
            Thread.sleep(250);
            status = executions(name.substring(0, name.indexOf("-visibility-"))).stream()
                    .filter(e -> e.name().equals(name)).map(ExecutionListItem::status).findFirst().orElse(null);
        }
        return stack.clients().sfn().describeExecution(r -> r.executionArn(arn)).status();
    }

    /** What each step of execution {@code name} did: {@code "<STEP> done"} or {@code "<STEP> skipped"}, in order. */
    private static List<String> stepsOf(String name) {
        String arn = stack.template().stateMachine("VideoVisibilityChange").orElseThrow().arn()
                .replace(":stateMachine:", ":execution:") + ":" + name;
        return stack.clients().sfn().getExecutionHistory(r -> r.executionArn(arn)).events().stream()
                .filter(e -> e.typeAsString().equals("TaskSucceeded"))
                .map(e -> Json.parse(e.taskSucceededEventDetails().output()).path("Payload"))
                .map(p -> p.path("step").asText() + (p.path("skipped").asBoolean() ? " skipped" : " done")).toList();
    }

    private static List<ExecutionListItem> executions(String videoId) {
        String arn = stack.template().stateMachine("VideoVisibilityChange").orElseThrow().arn();
        return stack.clients().sfn().listExecutions(r -> r.stateMachineArn(arn)).executions().stream()
                .filter(e -> e.name().startsWith(videoId + "-visibility-")).toList();
    }

    private static List<JsonNode> changedEvents(String videoId) {
        return stack.eventBus().events().stream()
                .filter(e -> e.path("detail-type").asText().equals("Video Visibility Changed")
                        && e.path("detail").path("videoId").asText().equals(videoId)).toList();
    }

    private static List<String> keys(String prefix) {
        String bucket = stack.template().bucket("MediaBucket").orElseThrow().name();
        return stack.clients().s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** Every item of the template's table {@code logicalId}, as text. */
    private static String table(String logicalId) {
        String name = stack.template().tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow().name();
        return stack.clients().dynamoDb().scan(r -> r.tableName(name)).items().toString();
    }

    private static String discovery() {
        return table("DiscoveryTable");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("videoId").asText()));
        return ids;
    }

    private static String query(JsonNode signed) {
        List<String> pairs = new ArrayList<>();
        signed.fields().forEachRemaining(e -> pairs.add(e.getKey() + "="
                + URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
        assertThat(pairs).hasSize(3);
        return String.join("&", pairs);
    }

    private static HttpResponse<byte[]> get(String url, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(query.isEmpty() ? url : url + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
