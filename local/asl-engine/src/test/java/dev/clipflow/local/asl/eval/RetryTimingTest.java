package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTimingTest {

    private static String machine(String retrier) {
        return """
            {"StartAt":"T","States":{"T":{"Type":"Task",
              "Resource":"arn:aws:lambda:us-east-1:123456789012:function:F","Retry":[%s],"End":true}}}
            """.formatted(retrier);
    }

    private static ManualClock runFailing(String retrier, AtomicInteger calls) {
        ManualClock clock = new ManualClock(Fixtures.T0);
        new Engine(r -> {
            calls.incrementAndGet();
            throw new TaskFailedException("Boom", "c");
        }, clock).execute(Fixtures.machine(machine(retrier)), Json.object(), ExecutionOptions.defaults());
        return clock;
    }

    @Test
    void retry_backoffRate_waitsGrowGeometrically() {
        AtomicInteger calls = new AtomicInteger();
        ManualClock clock = runFailing("""
                {"ErrorEquals":["Boom"],"IntervalSeconds":3,"MaxAttempts":3,"BackoffRate":1.5}""", calls);

        assertThat(calls).hasValue(4);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500),
                Duration.ofMillis(6750));
    }

    @Test
    void retry_defaults_areOneSecondTimesTwoThreeTimes() {
        AtomicInteger calls = new AtomicInteger();
        ManualClock clock = runFailing("{\"ErrorEquals\":[\"States.ALL\"]}", calls);

        assertThat(calls).hasValue(4);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void retry_maxDelaySeconds_capsEveryWait() {
        AtomicInteger calls = new AtomicInteger();
        ManualClock clock = runFailing("""
                {"ErrorEquals":["Boom"],"IntervalSeconds":2,"MaxAttempts":5,"BackoffRate":3,"MaxDelaySeconds":10}""",
                calls);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void retry_fullJitter_waitsStayWithinZeroAndTheBackoff() {
        AtomicInteger calls = new AtomicInteger();
        ManualClock clock = runFailing("""
                {"ErrorEquals":["Boom"],"IntervalSeconds":10,"MaxAttempts":40,"BackoffRate":1.0,
                 "JitterStrategy":"FULL"}""", calls);

        assertThat(clock.sleeps()).hasSize(40)
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(10)));
        assertThat(clock.sleeps().stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void retry_maxAttemptsZero_neverRetriesAndSkipsLaterRetriers() {
        AtomicInteger calls = new AtomicInteger();
        ManualClock clock = runFailing("""
                {"ErrorEquals":["Boom"],"MaxAttempts":0},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}""", calls);

        assertThat(calls).hasValue(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void retry_contextRetryCount_countsRetries() {
        AtomicInteger calls = new AtomicInteger();
        String def = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
              "Parameters":{"n.$":"$$.State.RetryCount"},
              "Retry":[{"ErrorEquals":["Boom"],"MaxAttempts":2}],"End":true}}}""";
        ExecutionResult r = new Engine(req -> {
            if (calls.getAndIncrement() < 2) {
                throw new TaskFailedException("Boom", "c");
            }
            return req.parameters();
        }, new ManualClock(Fixtures.T0)).execute(Fixtures.machine(def), Json.object(), ExecutionOptions.defaults());

        assertThat(Json.write(r.output())).isEqualTo("{\"n\":2}");
    }
}
