package dev.clipflow.local.asl.eval;

import static dev.clipflow.local.asl.eval.DistributedMaps.items;
import static dev.clipflow.local.asl.eval.DistributedMaps.map;
import static dev.clipflow.local.asl.eval.DistributedMaps.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Distributed Map failures: tolerated thresholds, aborting children, Retry and Catch, stopping. */
class DistributedMapFailureTest {

    private static final String CAUSE = "The specified tolerated failure threshold was exceeded";

    /** Items 0 and 5 of 0..9 fail. */
    private static ExecutionResult failingMultiplesOfFive(String extra, String input) {
        return run(map(extra), input, req -> {
            if (req.parameters().intValue() % 5 == 0) {
                throw new TaskFailedException("ItemFailed", "item " + req.parameters());
            }
            return req.parameters();
        });
    }

    private static ExecutionResult failingMultiplesOfFive(String extra) {
        return failingMultiplesOfFive(extra, items(10));
    }

    @Test
    void distributedMap_toleratedFailureCount_withinThreshold_succeedsWithTheFailedChildrensResults() {
        ExecutionResult r = failingMultiplesOfFive("\"ToleratedFailureCount\":2,");

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        MapRun mapRun = r.mapRuns().getFirst();
        ChildExecution failed = mapRun.children().stream().filter(c -> c.input().intValue() == 5).findFirst()
                .orElseThrow();
        JsonNode entry = r.output().get(5);
        assertThat(entry.get("Status").textValue()).isEqualTo("FAILED");
        assertThat(entry.get("Error").textValue()).isEqualTo("ItemFailed");
        assertThat(entry.get("Cause").textValue()).isEqualTo("item 5");
        assertThat(entry.get("ExecutionArn").textValue()).isEqualTo(failed.arn());
        assertThat(entry.get("Input").textValue()).isEqualTo("5");
        assertThat(entry.get("StateMachineArn").textValue()).isEqualTo(mapRun.stateMachineArn());
        assertThat(entry.get("StartDate").textValue()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(r.output().get(1).intValue()).isEqualTo(1);
        assertThat(mapRun.status()).isEqualTo(MapRun.Status.SUCCEEDED);
        assertThat(mapRun.toleratedFailureCount()).isEqualTo(2);
        assertThat(mapRun.itemCounts()).isEqualTo(new MapRunCounts(0, 0, 8, 2, 0, 0, 10, 0));
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("ItemFailed");
    }

    @Test
    void distributedMap_toleratedFailureCountPath_exceeded_failsWithTheThresholdError() {
        ExecutionResult r = failingMultiplesOfFive("\"ToleratedFailureCountPath\":\"$.tolerate\",",
                "{\"tolerate\":1,\"items\":[0,1,2,3,4,5,6,7,8,9]}");

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.cause()).isEqualTo(CAUSE);
        assertThat(r.mapRuns().getFirst().status()).isEqualTo(MapRun.Status.FAILED);
        assertThat(r.mapRuns().getFirst().stopDate()).isNotNull();
        assertThat(r.mapRuns().getFirst().toleratedFailureCount()).isEqualTo(1);
    }

    @Test
    void distributedMap_toleratedFailurePercentage_exceededOnlyAboveThePercentage() {
        ExecutionResult within = failingMultiplesOfFive("\"ToleratedFailurePercentage\":20,");
        ExecutionResult exceeded = failingMultiplesOfFive("\"ToleratedFailurePercentage\":19.5,");

        assertThat(within.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(within.mapRuns().getFirst().toleratedFailurePercentage()).isEqualTo(20.0);
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void distributedMap_toleratedFailurePercentagePath_isReadFromTheStateInput() {
        ExecutionResult within = failingMultiplesOfFive("\"ToleratedFailurePercentagePath\":\"$.pct\",",
                "{\"pct\":20,\"items\":[0,1,2,3,4,5,6,7,8,9]}");
        ExecutionResult exceeded = failingMultiplesOfFive("\"ToleratedFailurePercentagePath\":\"$.pct\",",
                "{\"pct\":10,\"items\":[0,1,2,3,4,5,6,7,8,9]}");

        assertThat(within.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    /** AWS's thresholds default to 0: one failed child fails the Map with the threshold error, not its own. */
    @Test
    void distributedMap_withoutThreshold_oneFailedChildFailsTheMapWithTheThresholdError() {
        ExecutionResult r = failingMultiplesOfFive("\"MaxConcurrency\":1,");

        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.cause()).isEqualTo(CAUSE);
        MapRun mapRun = r.mapRuns().getFirst();
        assertThat(mapRun.children()).hasSize(1);
        assertThat(mapRun.executionCounts()).isEqualTo(new MapRunCounts(9, 0, 0, 1, 0, 0, 10, 0));
    }

    /** Failed items are counted in items: one failed batch of three exceeds a count of two. */
    @Test
    void distributedMap_failedBatch_countsEachOfItsItems() {
        ExecutionResult r = run(map("\"ToleratedFailureCount\":2,\"ItemBatcher\":{\"MaxItemsPerBatch\":3},"),
                items(3), req -> {
                    throw new TaskFailedException("BatchFailed", "whole batch");
                });

        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.mapRuns().getFirst().itemCounts().failed()).isEqualTo(3);
    }

    /** A child failing with States.Runtime is a failed child execution, not a failure of the parent. */
    @Test
    void distributedMap_childRuntimeError_isAToleratedChildFailure() {
        String processor = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"InputPath\":\"$.missing\","
                + "\"End\":true}}}";
        ExecutionResult r = run(map("\"ToleratedFailurePercentage\":100,", processor), "{\"items\":[{}]}",
                DistributedMaps::noTask);

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(r.output().get(0).get("Error").textValue()).isEqualTo("States.Runtime");
    }

    @Test
    void distributedMap_thresholdExceeded_abortsRunningChildrenAndStartsNoMore() {
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicInteger slowInterrupted = new AtomicInteger();
        ExecutionResult r = run(map("\"MaxConcurrency\":2,"), items(10), req -> {
            if (req.parameters().intValue() == 1) {
                slowStarted.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    slowInterrupted.incrementAndGet();
                }
                return req.parameters();
            }
            await(slowStarted);
            throw new TaskFailedException("ItemFailed", "item " + req.parameters());
        });

        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        MapRun mapRun = r.mapRuns().getFirst();
        assertThat(mapRun.children()).hasSize(2);
        ChildExecution slow = mapRun.children().stream().filter(c -> c.input().intValue() == 1).findFirst()
                .orElseThrow();
        assertThat(slowInterrupted.get()).isEqualTo(1);
        assertThat(slow.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(slow.history().events().getLast().type()).isEqualTo("ExecutionAborted");
        assertThat(mapRun.executionCounts()).isEqualTo(new MapRunCounts(8, 0, 0, 1, 0, 1, 10, 0));
        assertThat(mapRun.status()).isEqualTo(MapRun.Status.FAILED);
    }

    @Test
    void distributedMap_retry_startsANewMapRunForEachAttempt() {
        AtomicInteger calls = new AtomicInteger();
        ExecutionResult r = run(map("\"Retry\":[{\"ErrorEquals\":[\"States.ExceedToleratedFailureThreshold\"],"
                + "\"MaxAttempts\":1},{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":5}],"), items(3), req -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new TaskFailedException("Flaky", "first call");
                    }
                    return req.parameters();
                });

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo("[0,1,2]");
        assertThat(r.mapRuns()).extracting(MapRun::status).containsExactly(MapRun.Status.FAILED,
                MapRun.Status.SUCCEEDED);
        assertThat(r.mapRuns().get(0).arn()).isNotEqualTo(r.mapRuns().get(1).arn());
    }

    @Test
    void distributedMap_catch_routesTheThresholdErrorToTheCatcher() {
        String definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.result",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                "StartAt":"F","States":{"F":{"Type":"Fail","Error":"Broken","Cause":"always"}}},
              "Catch":[{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"ResultPath":"$.error",
                "Next":"Handled"}],"End":true},
             "Handled":{"Type":"Succeed"}}}""";

        ExecutionResult r = run(definition, items(2), DistributedMaps::noTask);

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo("{\"items\":[0,1],\"error\":{\"Error\":"
                + "\"States.ExceedToleratedFailureThreshold\",\"Cause\":\"" + CAUSE + "\"}}");
        assertThat(r.history()).extracting(HistoryEvent::type).contains("MapRunFailed", "MapStateFailed",
                "SucceedStateEntered");
    }

    /** StopExecution of a child: it ends ABORTED, which counts as a failed item. */
    @Test
    void childExecution_stopped_isAbortedAndCountsAsAFailedItem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskInvoker invoker = req -> {
            await(release);
            return req.parameters();
        };
        LiveExecution live = new LiveExecution();
        CompletableFuture<ExecutionResult> result = CompletableFuture.supplyAsync(() -> live.run(
                Fixtures.machine(map("\"ToleratedFailureCount\":0,")), Json.parse(items(1)),
                ExecutionOptions.defaults(), invoker, new ManualClock(Fixtures.T0)));
        ChildExecution child = firstChild(live);

        child.stop();
        release.countDown();

        ExecutionResult r = result.get(10, TimeUnit.SECONDS);
        assertThat(child.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.mapRuns().getFirst().executionCounts().aborted()).isEqualTo(1);
    }

    /** A stopped child in a long Wait is interrupted: it ends at once, not when the wait is over. */
    @Test
    void childExecution_stoppedDuringAWait_endsAtOnce() throws Exception {
        String processor = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}";
        LiveExecution live = new LiveExecution();
        CompletableFuture<ExecutionResult> result = CompletableFuture.supplyAsync(() -> live.run(
                Fixtures.machine(map("\"ToleratedFailureCount\":1,", processor)), Json.parse(items(1)),
                ExecutionOptions.defaults(), DistributedMaps::noTask, Clock.system()));
        ChildExecution child = firstChild(live);
        Thread.sleep(50);

        child.stop();

        assertThat(result.get(10, TimeUnit.SECONDS).status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(child.status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    /** StopExecution of the parent aborts its Map Run and the children running in it. */
    @Test
    void liveExecution_stoppedDuringAMapRun_abortsTheMapRunAndItsChildren() throws Exception {
        TaskInvoker invoker = req -> {
            DistributedMaps.sleep(30_000);
            return req.parameters();
        };
        LiveExecution live = new LiveExecution();
        Thread[] runner = new Thread[1];
        CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
        runner[0] = Thread.ofVirtual().start(() -> result.complete(live.run(Fixtures.machine(map("")),
                Json.parse(items(3)), ExecutionOptions.defaults(), invoker, new ManualClock(Fixtures.T0))));
        ChildExecution child = firstChild(live);
        while (live.mapRuns().getFirst().children().size() < 3) {
            Thread.sleep(5);
        }

        live.stop();
        runner[0].interrupt();

        assertThat(result.get(10, TimeUnit.SECONDS)).isNull();
        MapRun mapRun = live.mapRuns().getFirst();
        assertThat(mapRun.status()).isEqualTo(MapRun.Status.ABORTED);
        assertThat(mapRun.children()).extracting(ChildExecution::status).containsOnly(ExecutionStatus.ABORTED);
        assertThat(child.history().events().getLast().type()).isEqualTo("ExecutionAborted");
        List<String> types = live.history().events().stream().map(HistoryEvent::type).toList();
        assertThat(types).containsSubsequence("MapRunStarted", "MapRunAborted").endsWith("ExecutionAborted");
    }

    private static ChildExecution firstChild(LiveExecution live) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            if (!live.mapRuns().isEmpty() && !live.mapRuns().getFirst().children().isEmpty()) {
                return live.mapRuns().getFirst().children().getFirst();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no child execution started");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
