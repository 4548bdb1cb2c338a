package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.demo.DemoVideo;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.local.runtime.template.BucketDef;
import dev.clipflow.testing.template.TableDef;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * DELETE /videos/{videoId} through the local runtime: the VideoDeletion state machine (from the template, on the same
 * engine as the pipeline) takes the video out of everything, and a scan of every table and bucket the template
 * declares finds nothing of it but the tombstone. A deletion whose media step fails for good (the CDN refuses) leaves
 * the video DELETING, and a second DELETE, or the sweeper once the deletion window passed, restarts it under the next
 * attempt's name, where it stopped. The stack runs a copy of template.yaml that differs in one value: the deletion
 * waits 5 s, not 960 s, for a stopped pipeline's task in flight (IN_FLIGHT_TASK_SECONDS).
 */
class VideoDeletionIT {
    private static final String IN_FLIGHT_TASK_SECONDS = "5";

    static Up up;
    static LocalClipflow stack;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        up = TestStacks.realTemplate(templateCopy(RepoRoot.get()));
        stack = up.stack();
    }

    @AfterAll
    static void stop() {
        if (up != null) {
            up.close();
        }
    }

    @Test
    void delete_publishedVideoWithSubscribersAndRelatedEntries_leavesNothingButTheTombstone_andTwiceIsHarmless()
            throws Exception {
        String owner = "owner-" + System.nanoTime();
        String channelId = channel(owner);
        List<String> viewers = List.of("viewer-a-" + System.nanoTime(), "viewer-b-" + System.nanoTime(),
                "viewer-c-" + System.nanoTime());
        for (String viewer : viewers) {
            TestStacks.call(up, HTTP, "POST", "/channels/" + channelId + "/subscription", null, viewer, 201);
        }
        String kept = uploadAndPublish(owner, channelId, "Cats playing piano", 1);
        String gone = uploadAndPublish(owner, channelId, "Cats playing piano again", 1);
        // A viewer watches both: history entries, co-views both ways.
        TestStacks.call(up, HTTP, "POST", "/videos/" + kept + "/views", null, viewers.get(0), 201);
        TestStacks.call(up, HTTP, "POST", "/videos/" + gone + "/views", null, viewers.get(0), 201);
        assertThat(TestStacks.call(up, HTTP, "GET", "/videos/" + kept + "/related", null, viewers.get(1), 200)
                .toString()).contains(gone);
        assertThat(TestStacks.call(up, HTTP, "GET", "/me/feed", null, viewers.get(2), 200).toString()).contains(gone);
        assertThat(holders(gone)).as("before the delete").hasSizeGreaterThan(10);

        JsonNode accepted = TestStacks.call(up, HTTP, "DELETE", "/videos/" + gone, null, owner, 202);
        assertThat(accepted.path("status").asText()).isEqualTo("DELETING");
        awaitStatus(owner, gone, "DELETED", Duration.ofMinutes(3));

        assertThat(holders(gone)).as("every table and bucket of the template").containsExactly(
                "VideosTable: videoId=" + gone);
        JsonNode tombstone = TestStacks.call(up, HTTP, "GET", "/videos/" + gone, null, owner, 200);
        assertThat(tombstone.path("status").asText()).isEqualTo("DELETED");
        assertThat(tombstone.path("title").isNull()).as("no title: %s", tombstone).isTrue();
        Map<String, AttributeValue> item = stack.clients().dynamoDb().getItem(r -> r.tableName(table("VideosTable"))
                .key(Map.of("videoId", AttributeValue.fromS(gone)))).item();
        assertThat(Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())))
                .isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        assertThat(item).doesNotContainKeys("title", "description", "tags");
        TestStacks.call(up, HTTP, "GET", "/videos/" + gone, null, viewers.get(0), 404);
        assertThat(TestStacks.call(up, HTTP, "GET", "/me/feed", null, viewers.get(2), 200).toString())
                .doesNotContain(gone).contains(kept);
        assertThat(stack.cdnInvalidations()).contains(List.of("MediaDistribution", "delete-" + gone,
                "/videos/" + gone + "/*", "/restricted/" + gone + "/*"));
        List<JsonNode> deleted = stack.eventBus().events().stream()
                .filter(e -> e.path("detail-type").asText().equals("Video Deleted")
                        && e.path("detail").path("videoId").asText().equals(gone)).toList();
        assertThat(deleted).hasSize(1);
        assertThat(VideoEventsIT.validate(deleted.get(0))).isEmpty();

        // Twice: 202 again, nothing more happens (no second event, no second invalidation).
        assertThat(TestStacks.call(up, HTTP, "DELETE", "/videos/" + gone, null, owner, 202).path("status").asText())
                .isEqualTo("DELETED");
        Thread.sleep(2000);
        assertThat(stack.eventBus().events().stream().filter(e -> e.path("detail-type").asText()
                .equals("Video Deleted") && e.path("detail").path("videoId").asText().equals(gone))).hasSize(1);
        assertThat(holders(kept)).as("the other video is untouched").contains("VideosTable: videoId=" + kept);
    }

    @Test
    void delete_bySomeoneElse_is404AndChangesNothing() throws Exception {
        String owner = "owner-" + System.nanoTime();
        String channelId = channel(owner);
        String videoId = TestStacks.call(up, HTTP, "POST", "/videos", "{\"channelId\":\"" + channelId
                + "\",\"title\":\"Mine\",\"sizeBytes\":1000,\"contentType\":\"video/mp4\"}", owner, 201)
                .path("videoId").asText();

        TestStacks.call(up, HTTP, "DELETE", "/videos/" + videoId, null, "mallory-" + System.nanoTime(), 404);

        assertThat(TestStacks.call(up, HTTP, "GET", "/videos/" + videoId, null, owner, 200).path("status").asText())
                .isEqualTo("AWAITING_UPLOAD");
        assertThat(stack.clients().sfn().listExecutions(r -> r.stateMachineArn(deletionArn())).executions())
                .noneMatch(e -> e.name().equals(videoId));
    }

    @Test
    void delete_whoseMediaStepFailsOnce_retriesTheStepAndCompletes() throws Exception {
        String owner = "owner-" + System.nanoTime();
        String channelId = channel(owner);
        String videoId = uploadAndPublish(owner, channelId, "Flaky CDN", 1);
        stack.failNextCdnInvalidations(5);

        TestStacks.call(up, HTTP, "DELETE", "/videos/" + videoId, null, owner, 202);
        awaitStatus(owner, videoId, "DELETED", Duration.ofMinutes(3));

        List<HistoryEvent> history = stack.clients().sfn().getExecutionHistory(r -> r.executionArn(
                deletionArn().replace(":stateMachine:", ":execution:") + ":" + videoId)).events();
        // The media step failed (the SDK's own retries exhausted), the state machine's Retry ran it again until the
        // CDN answered; no other step ran twice.
        assertThat(history.stream().filter(e -> e.typeAsString().equals("TaskFailed")).count())
                .isPositive();
        assertThat(history.stream().filter(e -> e.typeAsString().equals("TaskSucceeded")).count())
                .isEqualTo(4);
        assertThat(stack.clients().sfn().describeExecution(r -> r.executionArn(deletionArn()
                .replace(":stateMachine:", ":execution:") + ":" + videoId)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(holders(videoId)).containsExactly("VideosTable: videoId=" + videoId);
    }

    @Test
    void delete_whileProcessing_stopsThePipelineExecutionAndCleansUp() throws Exception {
        String owner = "owner-" + System.nanoTime();
        String channelId = channel(owner);
        Path clip = DemoVideo.generate(Files.createDirectories(tmp.resolve("long")), "640x360", 20);
        String videoId = TestStacks.upload(up, HTTP, owner, channelId, TestStacks.video("Deletion"), clip);
        String pipeline = awaitRunningPipeline(videoId, Duration.ofMinutes(1));

        TestStacks.call(up, HTTP, "DELETE", "/videos/" + videoId, null, owner, 202);
        awaitStatus(owner, videoId, "DELETED", Duration.ofMinutes(3));

        assertThat(stack.clients().sfn().describeExecution(r -> r.executionArn(pipeline)).status())
                .isEqualTo(ExecutionStatus.ABORTED);
        List<HistoryEvent> deletion = stack.clients().sfn().getExecutionHistory(r -> r.executionArn(
                deletionArn().replace(":stateMachine:", ":execution:") + ":" + videoId)).events();
        assertThat(deletion.stream().filter(e -> e.typeAsString().equals("WaitStateEntered")).count())
                .as("waited out the stopped pipeline's task").isEqualTo(1);
        assertThat(holders(videoId)).containsExactly("VideosTable: videoId=" + videoId);
        assertThat(channelId).isNotBlank();
    }

    @Test
    void delete_whoseMediaStepFailsForGood_staysDeleting_andASecondDeleteRestartsItWhereItStopped() throws Exception {
        String owner = "owner-" + System.nanoTime();
        String videoId = uploadAndPublish(owner, channel(owner), "Denied CDN", 1);

        failForGood(owner, videoId);
        JsonNode again = TestStacks.call(up, HTTP, "DELETE", "/videos/" + videoId, null, owner, 202);
        awaitStatus(owner, videoId, "DELETED", Duration.ofMinutes(3));

        assertThat(again.path("status").asText()).isEqualTo("DELETING");
        assertRestartedOnceAndFinished(videoId);
    }

    @Test
    void delete_whoseWorkflowFailedForGood_isRestartedByTheSweeperPastItsWindow() throws Exception {
        String owner = "owner-" + System.nanoTime();
        String videoId = uploadAndPublish(owner, channel(owner), "Denied CDN, swept", 1);
        failForGood(owner, videoId);
        FunctionResult early = stack.invoke("SweeperFunction", Json.parse(Files.readString(RepoRoot.get()
                .resolve("events/sweeper-scheduled.json"))));
        assertThat(Json.parse(early.payloadText()).path("deletionsRestarted").asInt()).as(early.payloadText())
                .isZero();

        // An hour and more later (the record's last change moved back past DELETION_WINDOW_SECONDS):
        stack.clients().dynamoDb().updateItem(r -> r.tableName(table("VideosTable"))
                .key(Map.of("videoId", AttributeValue.fromS(videoId)))
                .updateExpression("SET updatedAt = :then")
                .expressionAttributeValues(Map.of(":then", Items.time(Instant.now().minus(Duration.ofHours(2))))));
        FunctionResult swept = stack.invoke("SweeperFunction", Json.parse(Files.readString(RepoRoot.get()
                .resolve("events/sweeper-scheduled.json"))));
        awaitStatus(owner, videoId, "DELETED", Duration.ofMinutes(3));

        assertThat(swept.failed()).as(swept.payloadText()).isFalse();
        assertThat(Json.parse(swept.payloadText()).path("deletionsRestarted").asInt()).isEqualTo(1);
        assertRestartedOnceAndFinished(videoId);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Deletes the video while the CDN refuses every invalidation (403, not retried): the media step fails for good,
     * the execution ends FAILED, and the video stays DELETING with the steps before it recorded as done.
     */
    private static void failForGood(String owner, String videoId) throws Exception {
        stack.denyCdnInvalidations(true);
        try {
            TestStacks.call(up, HTTP, "DELETE", "/videos/" + videoId, null, owner, 202);
            String first = deletionArn().replace(":stateMachine:", ":execution:") + ":" + videoId;
            Instant until = Instant.now().plus(Duration.ofMinutes(2));
            while (stack.clients().sfn().describeExecution(r -> r.executionArn(first)).status()
                    == ExecutionStatus.RUNNING) {
                assertThat(Instant.now()).as("the first attempt of " + videoId).isBefore(until);
                Thread.sleep(250);
            }
            assertThat(stack.clients().sfn().describeExecution(r -> r.executionArn(first)).status())
                    .isEqualTo(ExecutionStatus.FAILED);
            Thread.sleep(1000);
            assertThat(TestStacks.call(up, HTTP, "GET", "/videos/" + videoId, null, owner, 200).path("status")
                    .asText()).isEqualTo("DELETING");
            assertThat(record(videoId).get("deletionSteps").ss()).containsExactlyInAnyOrder("STOP_PIPELINE", "UNLIST");
            assertThat(record(videoId)).as("not tombstoned").containsKey("title");
        } finally {
            stack.denyCdnInvalidations(false);
        }
    }

    /**
     * The video's deletion ran twice: the first attempt (named by the video) failed, the second ({@code <id>-2})
     * skipped the steps the first did and finished; nothing of the video is left but its tombstone.
     */
    private static void assertRestartedOnceAndFinished(String videoId) {
        var sfn = stack.clients().sfn();
        Map<String, ExecutionStatus> attempts = new java.util.TreeMap<>();
        sfn.listExecutionsPaginator(r -> r.stateMachineArn(deletionArn())).executions().stream()
                .filter(e -> e.name().startsWith(videoId)).forEach(e -> attempts.put(e.name(), e.status()));
        assertThat(attempts).containsExactly(Map.entry(videoId, ExecutionStatus.FAILED),
                Map.entry(videoId + "-2", ExecutionStatus.SUCCEEDED));
        List<HistoryEvent> second = sfn.getExecutionHistory(r -> r.executionArn(deletionArn()
                .replace(":stateMachine:", ":execution:") + ":" + videoId + "-2")).events();
        assertThat(second.stream().filter(e -> e.typeAsString().equals("TaskSucceeded"))
                .map(e -> Json.parse(e.taskSucceededEventDetails().output()).path("Payload"))
                .map(p -> p.path("step").asText() + (p.path("skipped").asBoolean() ? " skipped" : " done")))
                .containsExactly("STOP_PIPELINE skipped", "UNLIST skipped", "MEDIA done", "TOMBSTONE done");
        assertThat(record(videoId).get("deletionAttempt").n()).isEqualTo("2");
        assertThat(holders(videoId)).containsExactly("VideosTable: videoId=" + videoId);
    }

    private static Map<String, AttributeValue> record(String videoId) {
        return stack.clients().dynamoDb().getItem(r -> r.tableName(table("VideosTable"))
                .key(Map.of("videoId", AttributeValue.fromS(videoId))).consistentRead(true)).item();
    }

    /** A JSON copy of template.yaml (paths made absolute) with the shorter in-flight wait. */
    @SuppressWarnings("unchecked")
    private static Path templateCopy(Path root) throws Exception {
        Map<String, Object> template = TemplateCopies.read(root);
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) (
                (Map<String, Object>) resources.get("VideoDeletionFunction")).get("Properties")).get("Environment"))
                .get("Variables");
        assertThat(env).containsKey("IN_FLIGHT_TASK_SECONDS");
        env.put("IN_FLIGHT_TASK_SECONDS", IN_FLIGHT_TASK_SECONDS);
        return TemplateCopies.write(template, root.resolve("local/runtime/target/video-deletion-it/template.json"));
    }

    private static String channel(String owner) throws Exception {
        return TestStacks.call(up, HTTP, "POST", "/channels", "{\"name\":\"Deletion\"}", owner, 201)
                .path("channelId").asText();
    }

    /** Uploads a generated clip into {@code channelId} and waits until its pipeline execution succeeded. */
    private static String uploadAndPublish(String owner, String channelId, String title, int seconds)
            throws Exception {
        Path clip = DemoVideo.generate(Files.createDirectories(tmp.resolve("v" + System.nanoTime())), "320x180",
                seconds);
        String videoId = TestStacks.upload(up, HTTP, owner, channelId, TestStacks.video(title, "cats", "piano"),
                clip);
        String arn = awaitRunningPipeline(videoId, Duration.ofMinutes(1));
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (stack.clients().sfn().describeExecution(r -> r.executionArn(arn)).status() == ExecutionStatus.RUNNING) {
            assertThat(Instant.now()).as("pipeline of " + videoId).isBefore(until);
            Thread.sleep(250);
        }
        var done = stack.clients().sfn().describeExecution(r -> r.executionArn(arn));
        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return videoId;
    }

    private static String awaitRunningPipeline(String videoId, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            var found = stack.clients().sfn().listExecutions(r -> r.stateMachineArn(stack.template().stateMachine()
                    .arn())).executions().stream().filter(e -> e.name().startsWith(videoId + "-")).findFirst();
            if (found.isPresent()) {
                return found.get().executionArn();
            }
            assertThat(Instant.now()).as("a pipeline execution of " + videoId).isBefore(until);
            Thread.sleep(100);
        }
    }

    private static void awaitStatus(String owner, String videoId, String status, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            String now = TestStacks.call(up, HTTP, "GET", "/videos/" + videoId, null, owner, 200).path("status")
                    .asText();
            if (now.equals(status)) {
                return;
            }
            assertThat(Instant.now()).as(videoId + " still " + now).isBefore(until);
            Thread.sleep(250);
        }
    }

    private static String deletionArn() {
        return stack.template().stateMachine("VideoDeletion").orElseThrow().arn();
    }

    private static String table(String logicalId) {
        return stack.template().tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow().name();
    }

    /**
     * Everything of {@code videoId} in the stack: every item of every table the template declares with the id in any
     * attribute (as "Table: key=value"), and every object of every bucket it declares with the id in its key.
     */
    static List<String> holders(String videoId) {
        Predicate<String> names = s -> s.contains(videoId);
        List<String> out = new ArrayList<>();
        var dynamo = stack.clients().dynamoDb();
        for (TableDef t : stack.template().tables()) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = dynamo.scan(r -> r.tableName(t.name()).exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    if (item.values().stream().anyMatch(v -> names.test(v.toString()))) {
                        String key = t.keySchema().stream().map(k -> k.attribute() + "=" + str(item.get(k.attribute())))
                                .reduce((a, b) -> a + ", " + b).orElse("");
                        out.add(t.logicalId() + ": " + key);
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        var s3 = stack.clients().s3();
        for (BucketDef b : stack.template().buckets()) {
            s3.listObjectsV2Paginator(r -> r.bucket(b.name())).contents().stream()
                    .filter(o -> names.test(o.key())).forEach(o -> out.add(b.logicalId() + ": " + o.key()));
        }
        return out;
    }

    private static String str(AttributeValue v) {
        return v == null ? null : v.s() != null ? v.s() : v.n();
    }
}
