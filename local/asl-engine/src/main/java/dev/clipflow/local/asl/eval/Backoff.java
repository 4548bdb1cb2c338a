package dev.clipflow.local.asl.eval;

import dev.clipflow.local.asl.model.Retrier;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before a retry: {@code IntervalSeconds * BackoffRate^n} for the n-th retry of a retrier (from 0),
 * capped by {@code MaxDelaySeconds}; with {@code JitterStrategy: FULL} a uniformly random part of it.
 */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param retriesSoFar retries this retrier already made
     * @param random a value in [0, 1), used for FULL jitter only
     */
    static Duration delay(Retrier r, int retriesSoFar, DoubleSupplier random) {
        double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), retriesSoFar);
        if (r.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, r.maxDelaySeconds());
        }
        if (r.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            seconds = seconds * random.getAsDouble();
        }
        return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
    }
}
