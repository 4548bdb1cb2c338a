package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.HistoryEvent;
import dev.clipflow.local.asl.eval.ManualClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.mock.MockConfig;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.parse.ParseResult;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.media.MediaLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The state machine's own {@code TimeoutSeconds}: sized from the stages' timeouts and retries so that a 4-hour
 * source at the template's default chunking still fits, and honoured by the local engine (the execution ends
 * TIMED_OUT with {@code States.Timeout} and no Catch runs, as on AWS).
 */
class ExecutionTimeoutTest {
    /** What an SDK-integration task without TimeoutSeconds (DynamoDB, CloudWatch) is allowed per attempt. */
    static final int SDK_CALL_SECONDS = 10;
    /** TimeoutSeconds is sized, not padded: less than this above the computed worst case. */
    static final int MAX_HEADROOM_SECONDS = 3600;
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    @Test
    void timeoutSeconds_coversTheLongestPathWithEveryRetryOfAFourHourSource() {
        JsonNode asl = Repo.asl();
        long bound = longest(asl.get("States"), asl.get("StartAt").asString(), new HashMap<>());

        assertThat(asl.has("TimeoutSeconds")).as("the state machine has a TimeoutSeconds").isTrue();
        int timeout = asl.get("TimeoutSeconds").asInt();
        assertThat(timeout).as("worst case %d s", bound).isGreaterThanOrEqualTo((int) bound)
                .isLessThan((int) bound + MAX_HEADROOM_SECONDS);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void engine_stepHangingPastTimeoutSeconds_endsTheExecutionTimedOutWithoutItsCatch() {
        ParseResult parsed = DefinitionParser.parse(Repo.text(Repo.ASL));
        assertThat(parsed.diagnostics()).isEmpty();
        int timeout = Repo.asl().get("TimeoutSeconds").asInt();
        ManualClock clock = new ManualClock(T0);
        TaskInvoker mocks = MockConfig.parse(Json.parse(Repo.text("statemachine/mocks/video-pipeline-mocks.json")))
                .invoker("VideoPipeline", "FanoutFailsForGood", new IntegrationTaskInvoker(LambdaResolver.none(),
                        null, null));
        // The DynamoDB task that records the fan-out failure has no TimeoutSeconds of its own: it hangs.
        TaskInvoker hanging = request -> {
            if (!request.stateName().equals("Record the fan-out failure")) {
                return mocks.invoke(request);
            }
            clock.advance(Duration.ofSeconds(timeout));
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.object();
        };

        ExecutionResult result = new Engine(hanging, clock).execute(parsed.model(), Json.parse("""
                {"schemaVersion":1,"videoId":"vid-example","channelId":"chan-example",
                 "source":{"bucket":"b","key":"uploads/chan-example/vid-example/a.mp4","size":1,"eTag":"e"}}"""),
                ExecutionOptions.defaults().withStateMachineName("VideoPipeline").withHistory(true));

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.TIMED_OUT);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(result.history().getLast().type()).isEqualTo("ExecutionTimedOut");
        assertThat(entered(result)).contains("Record the fan-out failure")
                .doesNotContain("Count the fan-out failure", "Video published", "Clean up the failed video");
    }

    /**
     * The longest time from entering {@code name} to the end of the execution: every Task attempt runs to its
     * TimeoutSeconds, every retrier is exhausted and waits its longest delay, then the longest of the state's
     * transitions (Next, Choices, Default, Catch) follows. A Distributed Map runs its item processor's worst case
     * once per wave of chunks of a 4-hour source at the template's default ChunkSeconds and ChunkConcurrency.
     */
    private static long longest(JsonNode states, String name, Map<String, Long> memo) {
        Long known = memo.get(name);
        if (known != null) {
            return known;
        }
        memo.put(name, Long.MAX_VALUE / 4); // a cycle would show up as an absurd bound
        JsonNode state = states.get(name);
        long own = switch (state.get("Type").asString()) {
            case "Task" -> withRetries(state, state.has("TimeoutSeconds") ? state.get("TimeoutSeconds").asInt()
                    : SDK_CALL_SECONDS);
            case "Map" -> withRetries(state, waves() * longest(state.get("ItemProcessor").get("States"),
                    state.get("ItemProcessor").get("StartAt").asString(), new HashMap<>()));
            case "Parallel" -> {
                long branch = 0;
                for (JsonNode b : state.get("Branches")) {
                    branch = Math.max(branch, longest(b.get("States"), b.get("StartAt").asString(), new HashMap<>()));
                }
                yield withRetries(state, branch);
            }
            default -> 0;
        };
        long after = 0;
        for (String next : transitions(state)) {
            after = Math.max(after, longest(states, next, memo));
        }
        memo.put(name, own + after);
        return own + after;
    }

    private static long withRetries(JsonNode state, long perAttempt) {
        long attempts = 1;
        double delays = 0;
        for (JsonNode retrier : state.path("Retry")) {
            int max = retrier.path("MaxAttempts").asInt(3);
            attempts += max;
            for (int k = 0; k < max; k++) {
                double delay = retrier.path("IntervalSeconds").asInt(1) * Math.pow(retrier.path("BackoffRate")
                        .asDouble(2.0), k);
                delays += retrier.has("MaxDelaySeconds") ? Math.min(delay, retrier.get("MaxDelaySeconds").asInt())
                        : delay;
            }
        }
        return attempts * perAttempt + (long) Math.ceil(delays);
    }

    private static long waves() {
        Map<?, ?> parameters = (Map<?, ?>) Repo.template().get("Parameters");
        int chunkSeconds = ((Number) ((Map<?, ?>) parameters.get("ChunkSeconds")).get("Default")).intValue();
        int concurrency = ((Number) ((Map<?, ?>) parameters.get("ChunkConcurrency")).get("Default")).intValue();
        long chunks = (long) Math.ceil(MediaLimits.DEFAULT_MAX_DURATION_SECONDS / chunkSeconds);
        return (chunks + concurrency - 1) / concurrency;
    }

    private static List<String> transitions(JsonNode state) {
        List<String> next = new ArrayList<>();
        for (String field : List.of("Next", "Default")) {
            if (state.has(field)) {
                next.add(state.get(field).asString());
            }
        }
        state.path("Choices").forEach(c -> next.add(c.get("Next").asString()));
        state.path("Catch").forEach(c -> next.add(c.get("Next").asString()));
        return next;
    }

    private static List<String> entered(ExecutionResult result) {
        return result.history().stream().filter(e -> e.type().endsWith("StateEntered")).map(HistoryEvent::details)
                .map(d -> d.get("name").textValue()).toList();
    }
}
