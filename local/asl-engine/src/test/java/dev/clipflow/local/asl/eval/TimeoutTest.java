package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutTest {

    @Test
    void task_runningPastTimeoutSeconds_failsWithStatesTimeout() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        String def = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
              "TimeoutSeconds":5,"End":true}}}""";
        ExecutionResult r = new Engine(req -> {
            clock.advance(Duration.ofSeconds(6));
            return Json.object();
        }, clock).execute(Fixtures.machine(def), Json.object(), ExecutionOptions.defaults());

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(r.error()).isEqualTo("States.Timeout");
    }

    @Test
    void task_timeoutSecondsPath_isReadFromEffectiveInput() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        String def = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
              "TimeoutSecondsPath":"$.t","End":true}}}""";
        ExecutionResult r = new Engine(req -> {
            clock.advance(Duration.ofSeconds(6));
            return Json.object();
        }, clock).execute(Fixtures.machine(def), Json.parse("{\"t\":10}"), ExecutionOptions.defaults());

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
    }

    @Test
    void execution_pastMachineTimeoutSeconds_timesOut() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        String def = """
            {"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"Next":"Done"},
              "Done":{"Type":"Succeed"}}}""";
        ExecutionResult r = new Engine(Fixtures.noFunctions(), clock).execute(Fixtures.machine(def), Json.object(),
                ExecutionOptions.defaults());

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.TIMED_OUT);
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(clock.now()).isEqualTo(Fixtures.T0.plusSeconds(60));
    }

    @Test
    void wait_timestampPath_sleepsUntilThatInstant() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        String def = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.at","End":true}}}""";
        new Engine(Fixtures.noFunctions(), clock).execute(Fixtures.machine(def),
                Json.parse("{\"at\":\"2026-01-01T00:10:00Z\"}"), ExecutionOptions.defaults());

        assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(10));
    }

    @Test
    void wait_secondsPathNotAnInteger_isRuntimeError() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""", "{\"s\":\"ten\"}",
                Fixtures.noFunctions());
        assertThat(r.error()).isEqualTo("States.Runtime");
    }
}
