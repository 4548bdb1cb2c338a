package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitAndClockTest {

    private static ManualClock run(String wait) {
        ManualClock clock = new ManualClock(Fixtures.T0);
        ExecutionResult r = new Engine(Fixtures.noFunctions(), clock).execute(Fixtures.machine(
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\"," + wait + ",\"End\":true}}}"),
                Json.parse("{\"s\":7}"), ExecutionOptions.defaults());
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        return clock;
    }

    @Test
    void wait_seconds_sleepsThatLongOnTheEngineClock() {
        assertThat(run("\"Seconds\":90").sleeps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void wait_secondsPath_readsTheInput() {
        assertThat(run("\"SecondsPath\":\"$.s\"").sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void wait_timestampInThePast_doesNotSleep() {
        assertThat(run("\"Timestamp\":\"2020-01-01T00:00:00Z\"").sleeps()).isEmpty();
    }

    @Test
    void scaledClock_shortensRealWaits() throws InterruptedException {
        ScaledClock clock = new ScaledClock(1000);
        long start = System.nanoTime();
        clock.sleep(Duration.ofSeconds(2));
        long realMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(realMillis).isBetween(1L, 1000L);
    }
}
