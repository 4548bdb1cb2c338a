package dev.clipflow.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 5);

    @Test
    void delay_withoutJitter_doublesUntilCapped() {
        assertThat(backoff.delay(1, 0.3)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2, 0.3)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(4, 0.3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(5, 0.3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(60, 0.3)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void delay_withJitter_staysWithinRandomizationBandAndCap() {
        Backoff jittered = backoff.withRandomization(0.5);
        assertThat(jittered.delay(2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(jittered.delay(2, 0.999)).isBetween(Duration.ofMillis(299), Duration.ofMillis(300));
        assertThat(jittered.delay(5, 0.999)).isEqualTo(Duration.ofSeconds(1));
        assertThat(jittered.delay(5, 0.0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void constructor_invalidValues_throw() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofSeconds(1), 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max");
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(1), 0.5, Duration.ofSeconds(1), 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> backoff.withRandomization(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("randomization");
        assertThatThrownBy(() -> backoff.withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> backoff.delay(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
