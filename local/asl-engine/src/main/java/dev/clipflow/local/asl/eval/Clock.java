package dev.clipflow.local.asl.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Waits until {@code work} is done or {@code deadline} (engine time) has come, whichever is first. The default
     * polls {@link #now()} every millisecond of real time, so with a {@link ManualClock} the deadline comes only
     * when something advances the clock.
     *
     * @return whether {@code work} is done (a finished task wins over a deadline reached at the same time)
     * @throws InterruptedException when the waiting thread is interrupted (execution cancelled)
     */
    default boolean await(Future<?> work, Instant deadline) throws InterruptedException {
        while (!work.isDone()) {
            if (!now().isBefore(deadline)) {
                return work.isDone();
            }
            try {
                work.get(1, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // done (with a failure the caller reads) or not yet: loop and look again
            }
        }
        return true;
    }

    /** Real time. */
    static Clock system() {
        return new ScaledClock(1.0);
    }
}
