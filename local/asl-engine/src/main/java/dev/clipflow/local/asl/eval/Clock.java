package dev.clipflow.local.asl.eval;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the engine sees it: Wait states, Retry intervals and timeouts go through here, so tests can use a
 * {@link ManualClock} (no real sleeping) and local runs a {@link ScaledClock} (waits shortened).
 */
public interface Clock {

    Instant now();

    /**
     * Waits {@code duration} of engine time.
     *
     * @throws InterruptedException when the waiting thread is interrupted (execution cancelled)
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Real time. */
    static Clock system() {
        return new ScaledClock(1.0);
    }
}
