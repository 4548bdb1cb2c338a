package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    /** AWS (recorded by LocalStack's AWS-validated timeouts snapshot): TimedOut details hold only the error. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void task_hangingPastTimeoutSeconds_endsAtTheDeadlineAndInterruptsTheInvoker() throws Exception {
        ManualClock clock = new ManualClock(Fixtures.T0);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch left = new CountDownLatch(1);
        String def = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
              "TimeoutSeconds":5,"End":true}}}""";
        ExecutionResult r = new Engine(req -> {
            clock.advance(Duration.ofSeconds(5));
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            } finally {
                left.countDown();
            }
            return Json.object();
        }, clock).execute(Fixtures.machine(def), Json.object(), ExecutionOptions.defaults().withHistory(true));

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(r.cause()).isNull();
        assertThat(r.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionTimedOut",
                "ExecutionFailed");
        assertThat(r.history().get(2).details().get("timeoutInSeconds").asLong()).isEqualTo(5);
        assertThat(r.history().get(3).details()).isNull();
        assertThat(Json.write(r.history().get(4).details())).isEqualTo("{\"error\":\"States.Timeout\"}");
        assertThat(Json.write(r.history().get(5).details())).isEqualTo("{\"error\":\"States.Timeout\"}");
        assertThat(left.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void task_hangingWithRealClock_timesOutAndCanBeCaught() {
        String def = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"F"},"TimeoutSeconds":2,"End":true,
              "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"C"}]},"C":{"Type":"Pass","End":true}}}""";
        ExecutionResult r = new Engine(req -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.object();
        }, new ScaledClock(100)).execute(Fixtures.machine(def), Json.object(),
                ExecutionOptions.defaults().withHistory(true));

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo("{\"Error\":\"States.Timeout\"}");
        HistoryEvent timedOut = r.history().stream().filter(e -> e.type().equals("TaskTimedOut")).findFirst()
                .orElseThrow();
        assertThat(Json.write(timedOut.details()))
                .isEqualTo("{\"resourceType\":\"lambda\",\"resource\":\"invoke\",\"error\":\"States.Timeout\"}");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void task_hangingPastMachineTimeout_timesTheExecutionOut() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        String def = """
            {"TimeoutSeconds":3,"StartAt":"T","States":{"T":{"Type":"Task",
              "Resource":"arn:aws:lambda:us-east-1:1:function:F","End":true}}}""";
        ExecutionResult r = new Engine(req -> {
            clock.advance(Duration.ofSeconds(3));
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.object();
        }, clock).execute(Fixtures.machine(def), Json.object(), ExecutionOptions.defaults());

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.TIMED_OUT);
    }

    @Test
    void task_withoutTimeoutSeconds_hasNoTimeoutInSecondsInItsScheduledEvent() {
        ExecutionResult r = new Engine(req -> Json.object(), new ManualClock(Fixtures.T0)).execute(
                Fixtures.machine("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                      "Parameters":{"FunctionName":"F"},"End":true}}}"""), Json.object(),
                ExecutionOptions.defaults().withHistory(true));
        JsonNode scheduled = r.history().get(2).details();
        assertThat(r.history().get(2).type()).isEqualTo("TaskScheduled");
        assertThat(scheduled.has("timeoutInSeconds")).isFalse();
    }
}
