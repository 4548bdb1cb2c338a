package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MapStateTest {

    private static String map(String extra) {
        return """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",%s
              "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task",
                 "Resource":"arn:aws:lambda:us-east-1:1:function:F","End":true}}},"End":true}}}""".formatted(extra);
    }

    private static String items(int n) {
        return "{\"items\":" + IntStream.range(0, n).boxed().toList() + "}";
    }

    @Test
    void map_maxConcurrency_neverExceeded_andResultsKeepItemOrder() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutionResult r = Fixtures.run(map("\"MaxConcurrency\":3,"), items(24), req -> {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return req.parameters();
        });

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(peak.get()).isBetween(2, 3);
        assertThat(Json.write(r.output())).isEqualTo(IntStream.range(0, 24).boxed().toList().toString()
                .replace(" ", ""));
    }

    @Test
    void map_maxConcurrencyPath_isReadFromInput() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Fixtures.run(map("\"MaxConcurrencyPath\":\"$.max\","), "{\"max\":1,\"items\":[1,2,3,4]}", req -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            inFlight.decrementAndGet();
            return req.parameters();
        });
        assertThat(peak.get()).isEqualTo(1);
    }

    private static ExecutionResult failingMultiplesOfFive(String tolerance) {
        return Fixtures.run(map(tolerance), items(10), req -> {
            if (req.parameters().intValue() % 5 == 0) {
                throw new TaskFailedException("ItemFailed", "item " + req.parameters());
            }
            return req.parameters();
        });
    }

    @Test
    void map_toleratedFailureCount_withinThreshold_succeedsWithNullsForFailedItems() {
        ExecutionResult r = failingMultiplesOfFive("\"ToleratedFailureCount\":2,");
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo("[null,1,2,3,4,null,6,7,8,9]");
    }

    @Test
    void map_toleratedFailureCount_exceeded_failsWithThresholdError() {
        ExecutionResult r = failingMultiplesOfFive("\"ToleratedFailureCount\":1,");
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void map_toleratedFailurePercentage_exceeded_fails() {
        assertThat(failingMultiplesOfFive("\"ToleratedFailurePercentage\":10,").error())
                .isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(failingMultiplesOfFive("\"ToleratedFailurePercentage\":20,").status())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
    }

    @Test
    void map_toleratedFailureCountExceeded_startsNoFurtherIteration() {
        AtomicInteger calls = new AtomicInteger();
        ExecutionResult r = Fixtures.run(map("\"MaxConcurrency\":1,\"ToleratedFailureCount\":1,"), items(10), req -> {
            calls.incrementAndGet();
            throw new TaskFailedException("ItemFailed", "item " + req.parameters());
        });

        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void map_withoutTolerance_firstFailureFailsTheState() {
        ExecutionResult r = failingMultiplesOfFive("");
        assertThat(r.error()).isEqualTo("ItemFailed");
    }

    @Test
    void map_itemSelector_seesIndexValueAndInput() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs",
              "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "{\"k\":\"K\",\"xs\":[\"a\",\"b\"]}", Fixtures.noFunctions());
        assertThat(Json.write(r.output()))
                .isEqualTo("[{\"i\":0,\"v\":\"a\",\"k\":\"K\"},{\"i\":1,\"v\":\"b\",\"k\":\"K\"}]");
    }

    @Test
    void map_legacyIteratorAndParameters_behaveLikeItemProcessorAndSelector() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","Parameters":{"v.$":"$$.Map.Item.Value"},
              "Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "[1,2]", Fixtures.noFunctions());
        assertThat(Json.write(r.output())).isEqualTo("[{\"v\":1},{\"v\":2}]");
    }

    @Test
    void map_itemsPathNotAnArray_isRuntimeError() {
        ExecutionResult r = Fixtures.run(map(""), "{\"items\":5}", Fixtures.noFunctions());
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("ItemsPath");
    }

    @Test
    void map_withoutMaxConcurrency_runsAtMostFortyIterationsAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutionResult r = Fixtures.run(map(""), items(120), req -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return req.parameters();
        });
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(peak.get()).isBetween(2, 40);
    }
}
