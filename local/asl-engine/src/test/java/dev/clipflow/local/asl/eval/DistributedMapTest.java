package dev.clipflow.local.asl.eval;

import static dev.clipflow.local.asl.eval.DistributedMaps.PASS;
import static dev.clipflow.local.asl.eval.DistributedMaps.items;
import static dev.clipflow.local.asl.eval.DistributedMaps.map;
import static dev.clipflow.local.asl.eval.DistributedMaps.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Distributed Map: child executions, concurrency, item selection, batching, the clipflow-shaped definition. */
class DistributedMapTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void distributedMap_items_eachRunsAsAChildExecutionAndResultsKeepItemOrder() {
        ExecutionResult r = run(map(""), items(8), req -> {
            DistributedMaps.sleep(2L * (8 - req.parameters().intValue())); // later items finish first
            return Json.object().put("done", req.parameters().intValue());
        });

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo(IntStream.range(0, 8).mapToObj(i -> "{\"done\":" + i + "}")
                .toList().toString().replace(" ", ""));
        MapRun mapRun = r.mapRuns().getFirst();
        assertThat(mapRun.status()).isEqualTo(MapRun.Status.SUCCEEDED);
        assertThat(mapRun.children()).hasSize(8).extracting(ChildExecution::status)
                .containsOnly(ExecutionStatus.SUCCEEDED);
        assertThat(mapRun.children()).extracting(ChildExecution::arn).doesNotHaveDuplicates();
        assertThat(mapRun.executionCounts()).isEqualTo(new MapRunCounts(0, 0, 8, 0, 0, 0, 8, 0));
        assertThat(mapRun.itemCounts()).isEqualTo(new MapRunCounts(0, 0, 8, 0, 0, 0, 8, 0));
    }

    @Test
    void distributedMap_maxConcurrency_neverExceeded() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutionResult r = run(map("\"MaxConcurrency\":3,"), items(24), req -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            DistributedMaps.sleep(5);
            inFlight.decrementAndGet();
            return req.parameters();
        });

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(peak.get()).isBetween(2, 3);
        assertThat(r.mapRuns().getFirst().maxConcurrency()).isEqualTo(3);
    }

    @Test
    void distributedMap_maxConcurrencyPath_isReadFromTheStateInput() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutionResult r = run(map("\"MaxConcurrencyPath\":\"$.max\","), "{\"max\":1,\"items\":[1,2,3,4,5]}",
                req -> {
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    DistributedMaps.sleep(2);
                    inFlight.decrementAndGet();
                    return req.parameters();
                });

        assertThat(peak.get()).isEqualTo(1);
        assertThat(r.mapRuns().getFirst().maxConcurrency()).isEqualTo(1);
    }

    /** The inline limit of 40 does not apply: 60 children are all in flight together. */
    @Test
    void distributedMap_withoutMaxConcurrency_runsMoreChildrenAtOnceThanTheInlineLimit() {
        CountDownLatch allIn = new CountDownLatch(60);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutionResult r = run(map(""), items(60), req -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allIn.countDown();
            try {
                allIn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return req.parameters();
        });

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(peak.get()).isEqualTo(60);
        assertThat(r.mapRuns().getFirst().maxConcurrency()).isZero();
    }

    @Test
    void distributedMap_itemSelector_seesItemIndexValueAndTheStateInput() {
        ExecutionResult r = run(map("\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Index\",\"v.$\":\"$$.Map.Item.Value\","
                + "\"k.$\":\"$.k\"},", PASS), "{\"k\":\"K\",\"items\":[\"a\",\"b\"]}", DistributedMaps::noTask);

        assertThat(Json.write(r.output()))
                .isEqualTo("[{\"i\":0,\"v\":\"a\",\"k\":\"K\"},{\"i\":1,\"v\":\"b\",\"k\":\"K\"}]");
    }

    @Test
    void distributedMap_legacyParameters_selectsItemsLikeItemSelector() {
        ExecutionResult r = run(map("\"Parameters\":{\"v.$\":\"$$.Map.Item.Value\"},", PASS), items(2),
                DistributedMaps::noTask);

        assertThat(Json.write(r.output())).isEqualTo("[{\"v\":0},{\"v\":1}]");
    }

    @Test
    void distributedMap_childContextObject_isTheChildExecutionsOwn() {
        String processor = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Parameters":{"id.$":"$$.Execution.Id",
              "name.$":"$$.Execution.Name","input.$":"$$.Execution.Input","machine.$":"$$.StateMachine.Id"}}}}""";
        ExecutionResult r = run(map("\"Label\":\"chunks\",", processor), "{\"items\":[{\"n\":7}]}",
                DistributedMaps::noTask);

        MapRun mapRun = r.mapRuns().getFirst();
        ChildExecution child = mapRun.children().getFirst();
        JsonNode out = r.output().get(0);
        assertThat(child.arn()).matches("arn:aws:states:us-east-1:123456789012:execution:LocalStateMachine/chunks:"
                + UUID);
        assertThat(out.get("id").textValue()).isEqualTo(child.arn());
        assertThat(out.get("name").textValue()).isEqualTo(child.name()).matches(UUID);
        assertThat(Json.write(out.get("input"))).isEqualTo("{\"n\":7}");
        assertThat(out.get("machine").textValue())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:LocalStateMachine/chunks")
                .isEqualTo(child.stateMachineArn()).isEqualTo(mapRun.stateMachineArn());
        assertThat(mapRun.arn()).matches("arn:aws:states:us-east-1:123456789012:mapRun:LocalStateMachine/chunks:"
                + UUID);
        assertThat(mapRun.executionArn())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:LocalStateMachine:local-execution");
        assertThat(child.mapRunArn()).isEqualTo(mapRun.arn());
    }

    @Test
    void distributedMap_withoutLabel_arnsCarryAUuidInsteadOfTheLabel() {
        ExecutionResult r = run(map("", PASS), items(1), DistributedMaps::noTask);

        MapRun mapRun = r.mapRuns().getFirst();
        assertThat(mapRun.arn()).matches("arn:aws:states:us-east-1:123456789012:mapRun:LocalStateMachine/" + UUID
                + ":" + UUID);
        String label = mapRun.arn().split("/")[1].split(":")[0];
        assertThat(mapRun.children().getFirst().arn())
                .startsWith("arn:aws:states:us-east-1:123456789012:execution:LocalStateMachine/" + label + ":");
    }

    @Test
    void distributedMap_noItems_succeedsWithAnEmptyArray() {
        ExecutionResult r = run(map(""), items(0), DistributedMaps::noTask);

        assertThat(Json.write(r.output())).isEqualTo("[]");
        assertThat(r.mapRuns().getFirst().status()).isEqualTo(MapRun.Status.SUCCEEDED);
    }

    @Test
    void distributedMap_itemBatcher_groupsItemsWithTheBatchInputAsAwsDocuments() {
        ExecutionResult r = run(map("\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"BatchInput\":{\"factCheck\":\"Dec\"}},",
                PASS), items(5), DistributedMaps::noTask);

        assertThat(r.output()).hasSize(3);
        assertThat(Json.write(r.output().get(0))).isEqualTo("{\"BatchInput\":{\"factCheck\":\"Dec\"},\"Items\":[0,1]}");
        assertThat(Json.write(r.output().get(2))).isEqualTo("{\"BatchInput\":{\"factCheck\":\"Dec\"},\"Items\":[4]}");
        MapRun mapRun = r.mapRuns().getFirst();
        assertThat(mapRun.children()).extracting(ChildExecution::itemCount).containsExactlyInAnyOrder(2, 2, 1);
        assertThat(mapRun.itemCounts()).isEqualTo(new MapRunCounts(0, 0, 5, 0, 0, 0, 5, 0));
        assertThat(mapRun.executionCounts()).isEqualTo(new MapRunCounts(0, 0, 3, 0, 0, 0, 3, 0));
    }

    @Test
    void distributedMap_itemBatcher_batchesSelectedItemsAndBatchInputPaths() {
        ExecutionResult r = run(map("\"ItemSelector\":{\"v.$\":\"$$.Map.Item.Value\"},\"ItemBatcher\":"
                + "{\"MaxItemsPerBatchPath\":\"$.per\",\"BatchInput\":{\"k.$\":\"$.k\"}},", PASS),
                "{\"per\":3,\"k\":\"K\",\"items\":[1,2,3,4]}", DistributedMaps::noTask);

        assertThat(Json.write(r.output())).isEqualTo("[{\"BatchInput\":{\"k\":\"K\"},\"Items\":[{\"v\":1},{\"v\":2},"
                + "{\"v\":3}]},{\"BatchInput\":{\"k\":\"K\"},\"Items\":[{\"v\":4}]}]");
    }

    /** {"Items":[]} is 12 bytes; each "abcd" adds 6 and a comma 1: 26 bytes hold two items, not three. */
    @Test
    void distributedMap_maxInputBytesPerBatchPath_splitsBatchesByTheirJsonSize() {
        ExecutionResult r = run(map("\"ItemBatcher\":{\"MaxInputBytesPerBatchPath\":\"$.bytes\"},", PASS),
                "{\"bytes\":26,\"items\":[\"abcd\",\"abcd\",\"abcd\",\"abcd\",\"abcd\"]}", DistributedMaps::noTask);

        assertThat(r.output()).extracting(b -> b.get("Items").size()).containsExactly(2, 2, 1);
        assertThat(r.output()).allSatisfy(b -> assertThat(Json.write(b).length()).isLessThanOrEqualTo(26));
    }

    @Test
    void distributedMap_itemLargerThanMaxInputBytesPerBatch_isARuntimeError() {
        ExecutionResult r = run(map("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":20},", PASS),
                "{\"items\":[\"a\",\"a much longer item than fits\"]}", DistributedMaps::noTask);

        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("index 1").contains("MaxInputBytesPerBatch 20");
    }

    @Test
    void distributedMap_nestedDistributedMap_runsInsideAChildExecution() {
        String inner = map("", PASS).replace("\"ItemsPath\":\"$.items\"", "\"ItemsPath\":\"$\"");
        String processor = inner.replace("\"StartAt\":\"M\"", "\"StartAt\":\"Inner\"").replace("\"M\":", "\"Inner\":");
        ExecutionResult r = run(map("", processor), "{\"items\":[[1,2],[3]]}", DistributedMaps::noTask);

        assertThat(Json.write(r.output())).isEqualTo("[[1,2],[3]]");
        ChildExecution outerChild = r.mapRuns().getFirst().children().getFirst();
        assertThat(outerChild.mapRuns()).hasSize(1);
        assertThat(outerChild.mapRuns().getFirst().executionArn()).isEqualTo(outerChild.arn());
    }

    /** The definition shaped like the video pipeline's chunked transcode validates, runs, and catches failures. */
    @Test
    void transcodeChunksDefinition_validatesRunsOneChildPerChunkAndKeepsItsInput() throws IOException {
        String definition = resource("/distributed-map/transcode-chunks.asl.json");
        String input = "{\"videoId\":\"v1\",\"probe\":{\"plan\":{\"chunks\":[{\"n\":0},{\"n\":1},{\"n\":2}]}}}";
        List<JsonNode> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();

        ExecutionResult r = run(definition, input, req -> {
            payloads.add(req.parameters().get("Payload"));
            return Json.object().set("Payload", Json.object().put("ok", true));
        });

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo(input.replace("}}}", "}},\"status\":\"published\"}"));
        assertThat(payloads).extracting(Json::write).containsExactlyInAnyOrder(
                "{\"videoId\":\"v1\",\"chunk\":{\"n\":0}}", "{\"videoId\":\"v1\",\"chunk\":{\"n\":1}}",
                "{\"videoId\":\"v1\",\"chunk\":{\"n\":2}}");
        assertThat(r.mapRuns().getFirst().arn()).contains(":mapRun:LocalStateMachine/chunks:");
        assertThat(r.mapRuns().getFirst().maxConcurrency()).isEqualTo(100);
    }

    @Test
    void transcodeChunksDefinition_failingChunk_isCaughtAfterTheTaskRetries() throws IOException {
        String definition = resource("/distributed-map/transcode-chunks.asl.json");
        AtomicInteger calls = new AtomicInteger();

        ExecutionResult r = run(definition, "{\"videoId\":\"v1\",\"probe\":{\"plan\":{\"chunks\":[{\"n\":0}]}}}",
                req -> {
                    calls.incrementAndGet();
                    throw new TaskFailedException("Lambda.TooManyRequestsException", "Rate exceeded");
                });

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(calls.get()).isEqualTo(4);
        assertThat(r.output().get("status").textValue()).isEqualTo("failed");
        assertThat(Json.write(r.output().get("error")))
                .isEqualTo("{\"Error\":\"States.ExceedToleratedFailureThreshold\","
                + "\"Cause\":\"The specified tolerated failure threshold was exceeded\"}");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DistributedMapTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
