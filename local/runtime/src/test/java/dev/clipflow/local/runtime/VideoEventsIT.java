package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.api.LocalHttpApi;
import dev.clipflow.local.runtime.demo.DemoVideo;
import dev.clipflow.local.runtime.integrations.LocalMetrics;
import dev.clipflow.testing.media.TestVideos;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The video lifecycle events through the local runtime, as a browser receives them: two users each watch their own
 * stream ({@code GET /events}, Server-Sent Events) while each uploads a video over the HTTP API. Every transition
 * publishes exactly one event, in order, each valid against its JSON Schema in {@code docs/events/}; and neither
 * user's stream carries one event of the other's videos.
 */
class VideoEventsIT {

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    static Up up;
    static LocalClipflow stack;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        up = TestStacks.realTemplate();
        stack = up.stack();
    }

    @AfterAll
    static void stop() {
        if (up != null) {
            up.close();
        }
    }

    @Test
    void events_twoUsersUploading_eachStreamCarriesItsOwnersTransitionsOnceInOrderAndValid() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String alice = "alice-" + System.nanoTime();
        String bob = "bob-" + System.nanoTime();
        // Alice names herself by the query parameter (as a browser's EventSource must), Bob by the header.
        Stream aliceStream = Stream.open(http, up.api().url().resolve(LocalHttpApi.EVENTS_PATH + "?"
                + LocalHttpApi.USER_PARAMETER + "=" + URLEncoder.encode(alice, StandardCharsets.UTF_8)), null);
        Stream bobStream = Stream.open(http, up.api().url().resolve(LocalHttpApi.EVENTS_PATH), bob);

        Path clip = DemoVideo.generate(Files.createDirectories(tmp.resolve("alice")), "320x180", 2);
        String aliceVideo = upload(http, alice, clip);
        Path corrupt = Files.copy(TestVideos.shared().corrupt(), tmp.resolve("corrupt.mp4"));
        String bobVideo = upload(http, bob, corrupt);

        List<JsonNode> aliceEvents = aliceStream.awaitDetailType("Video Published", Duration.ofMinutes(5));
        List<JsonNode> bobEvents = bobStream.awaitDetailType("Video Failed", Duration.ofMinutes(5));

        assertThat(types(aliceEvents)).containsExactly("Upload Completed", "Processing Started",
                "Stage Started probe", "Stage Finished probe", "Stage Started transcode", "Stage Finished transcode",
                "Video Published");
        // The corrupt fixture probes fine and fails in the transcode: no Stage Finished for the failed stage.
        assertThat(types(bobEvents)).containsExactly("Upload Completed", "Processing Started",
                "Stage Started probe", "Stage Finished probe", "Stage Started transcode", "Video Failed");
        assertThat(aliceEvents).allSatisfy(e -> {
            assertThat(e.path("detail").path("videoId").asText()).isEqualTo(aliceVideo);
            assertThat(e.path("detail").path("ownerId").asText()).isEqualTo(alice);
        });
        assertThat(bobEvents).allSatisfy(e -> {
            assertThat(e.path("detail").path("videoId").asText()).isEqualTo(bobVideo);
            assertThat(e.path("detail").path("ownerId").asText()).isEqualTo(bob);
        });
        for (JsonNode e : concat(aliceEvents, bobEvents)) {
            assertThat(validate(e)).as("%s against its schema", e).isEmpty();
        }
        // The bus carried exactly these: one event per transition, nothing a stream dropped or added.
        assertThat(stack.eventBus().events().stream().filter(e -> e.path("detail").path("videoId").asText()
                .equals(aliceVideo)).map(e -> e.path("id").asText()).toList())
                .containsExactlyElementsOf(aliceEvents.stream().map(e -> e.path("id").asText()).toList());
        JsonNode published = aliceEvents.getLast().path("detail");
        assertThat(published.path("playback").path("hlsUrl").asText())
                .startsWith(stack.media().orElseThrow().getKey().toString()).endsWith("/hls/master.m3u8");
        assertThat(bobEvents.getLast().path("detail").path("reason").asText()).isNotBlank();
        assertThat(aliceEvents.stream().map(e -> e.path("detail").path("progress"))
                .filter(JsonNode::isInt).map(JsonNode::asInt).toList()).isSorted().allMatch(p -> p > 0 && p <= 100);

        // Nothing more arrives afterwards on either stream (a late duplicate would).
        Thread.sleep(1000);
        assertThat(aliceStream.events()).hasSameSizeAs(aliceEvents);
        assertThat(bobStream.events()).hasSameSizeAs(bobEvents);
        aliceStream.close();
        bobStream.close();
    }

    @Test
    void events_publishedVideo_ownersViewCarriesNoStageOrProgress() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String carol = "carol-" + System.nanoTime();
        Stream carolStream = Stream.open(http, up.api().url().resolve(LocalHttpApi.EVENTS_PATH), carol);
        String videoId = upload(http, carol, DemoVideo.generate(Files.createDirectories(tmp.resolve("carol")),
                "320x180", 1));
        List<JsonNode> events = carolStream.awaitDetailType("Video Published", Duration.ofMinutes(5));
        carolStream.close();

        JsonNode view = call(http, "GET", "/videos/" + videoId, null, carol, 200);
        assertThat(view.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(view.has("stage")).isFalse();
        assertThat(view.has("progress")).isFalse();
        assertThat(events).isNotEmpty();
    }

    @Test
    void events_afterPublishBranchFailsForGood_oneVideoBranchFailedForTheOwnerValidAndRecorded() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String dave = "dave-" + System.nanoTime();
        Stream daveStream = Stream.open(http, up.api().url().resolve(LocalHttpApi.EVENTS_PATH), dave);
        String videoId = upload(http, dave, DemoVideo.generate(Files.createDirectories(tmp.resolve("dave")),
                "320x180", 1));
        daveStream.awaitDetailType("Video Published", Duration.ofMinutes(5));
        String channelId = call(http, "GET", "/videos/" + videoId, null, dave, 200).path("channelId").asText();

        // The pipeline's own fan-out branch (its substituted definition), from the failure onwards, run by the
        // stack's Step Functions as the pipeline's role: the subscription function cannot be made to fail for good
        // on a healthy stack, the branch's states after the failure are what is under test.
        JsonNode pipeline = Json.parse(stack.template().stateMachine().definition());
        ObjectNode branch = (ObjectNode) pipeline.path("States").path("Notify subscribers and update recommendations")
                .path("Branches").get(0).deepCopy();
        branch.put("StartAt", "Record the fan-out failure");
        ((ObjectNode) branch.get("States")).remove("Fan out to subscribers");
        int metricsBefore = stack.metrics().recorded().size();
        var sfn = stack.clients().sfn();
        String machine = sfn.createStateMachine(r -> r.name("fanout-branch-" + System.nanoTime())
                .definition(Json.write(branch)).roleArn("arn:aws:iam::000000000000:role/local")).stateMachineArn();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"schemaVersion\":1,"
                + "\"videoId\":\"" + videoId + "\",\"channelId\":\"" + channelId + "\",\"error\":{\"Error\":"
                + "\"java.lang.IllegalStateException\",\"Cause\":\"the feed table is gone\"}}")).executionArn();
        List<JsonNode> events = daveStream.awaitDetailType("Video Branch Failed", Duration.ofMinutes(1));
        for (int i = 0; i < 100 && "RUNNING".equals(sfn.describeExecution(r -> r.executionArn(execution))
                .statusAsString()); i++) {
            Thread.sleep(100);
        }
        var described = sfn.describeExecution(r -> r.executionArn(execution));
        assertThat(described.statusAsString()).as("%s: %s", described.error(), described.cause())
                .isEqualTo("SUCCEEDED");
        // The whole branch ran, its metric step included (recorded by the local CloudWatch stand-in, as the role
        // allows it in the Clipflow namespace).
        assertThat(stack.metrics().recorded().subList(metricsBefore, stack.metrics().recorded().size()))
                .extracting(LocalMetrics.Datum::namespace, LocalMetrics.Datum::name)
                .contains(org.assertj.core.groups.Tuple.tuple("Clipflow", "PublishBranchFailures"));
        Thread.sleep(500);
        daveStream.close();

        List<JsonNode> failed = daveStream.events().stream()
                .filter(e -> e.path("detail-type").asText().equals("Video Branch Failed")).toList();
        assertThat(failed).hasSize(1);
        assertThat(events.getLast()).isEqualTo(failed.getFirst());
        JsonNode detail = failed.getFirst().path("detail");
        assertThat(validate(failed.getFirst())).as("%s against its schema", failed.getFirst()).isEmpty();
        assertThat(detail.path("videoId").asText()).isEqualTo(videoId);
        assertThat(detail.path("ownerId").asText()).isEqualTo(dave);
        assertThat(detail.path("branch").asText()).isEqualTo("fanout");
        assertThat(detail.path("error").asText()).isEqualTo("java.lang.IllegalStateException");
        JsonNode view = call(http, "GET", "/videos/" + videoId, null, dave, 200);
        assertThat(view.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(detail.path("cause").asText()).isEqualTo("the feed table is gone");
        // The event's time is the recorded failure's: the announcement follows the record it read.
        assertThat(view.path("afterPublishFailures").path("fanout").path("at").asText())
                .isEqualTo(detail.path("occurredAt").asText());
    }

    /** Detail type, with the stage for the stage events. */
    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("detail-type").asText() + (e.path("detail").has("stage")
                ? " " + e.path("detail").path("stage").asText() : "")).toList();
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The event's errors against the schema its detail type names ({@code Video Published} -> video-published). */
    static List<Error> validate(JsonNode event) {
        String name = event.path("detail-type").asText().toLowerCase(Locale.ROOT).replace(' ', '-');
        Schema schema = SCHEMAS.computeIfAbsent(name, n -> {
            Path file = RepoRoot.get().resolve("docs/events/" + n + ".schema.json");
            assertThat(file).as("schema of %s", event.path("detail-type")).isRegularFile();
            try {
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(Json.parse(Files.readString(file)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return schema.validate(event);
    }

    /** Creates a channel and a video as {@code user}, uploads {@code file} in one part and completes it. */
    static String upload(HttpClient http, String user, Path file) throws Exception {
        JsonNode channel = call(http, "POST", "/channels", "{\"name\":\"Events of " + user + "\"}", user, 201);
        return TestStacks.upload(up, http, user, channel.path("channelId").asText(), TestStacks.video("Events"), file);
    }

    static JsonNode call(HttpClient http, String method, String path, String body, String user, int expected)
            throws Exception {
        return TestStacks.call(up, http, method, path, body, user, expected);
    }

    /** A Server-Sent Events client: every {@code data:} line's JSON, in order. */
    static final class Stream implements AutoCloseable {
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final CountDownLatch open = new CountDownLatch(1);
        private volatile java.util.stream.Stream<String> lines;

        static Stream open(HttpClient http, URI uri, String user) throws Exception {
            Stream s = new Stream();
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (user != null) {
                req.header(LocalHttpApi.USER_HEADER, user);
            }
            HttpResponse<java.util.stream.Stream<String>> response = http.send(req.build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/event-stream"));
            s.lines = response.body();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    s.lines.forEach(line -> {
                        s.open.countDown();
                        if (line.startsWith("data: ")) {
                            s.events.add(Json.parse(line.substring("data: ".length())));
                        }
                    });
                } catch (RuntimeException closed) {
                    // the stream was closed
                }
            });
            assertThat(reader.isAlive() || s.open.getCount() == 0).isTrue();
            assertThat(s.open.await(10, TimeUnit.SECONDS)).as("the stream's first line").isTrue();
            return s;
        }

        List<JsonNode> events() {
            return List.copyOf(events);
        }

        List<JsonNode> awaitDetailType(String detailType, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (events.stream().anyMatch(e -> e.path("detail-type").asText().equals(detailType))) {
                    return events();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("No " + detailType + " within " + timeout + "; got " + events);
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
