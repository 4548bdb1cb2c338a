package dev.clipflow.local.asl.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wall-clock time running {@code speed} times faster: a 60 s Wait with speed 60 takes one real second, and
 * {@link #now()} advances 60 s per real second from the moment the clock was made.
 */
public final class ScaledClock implements Clock {

    private final double speed;
    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();

    public ScaledClock(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.speed = speed;
    }

    @Override
    public Instant now() {
        long elapsed = System.nanoTime() - originNanos;
        return origin.plusNanos((long) (elapsed * speed));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long nanos = (long) (duration.toNanos() / speed);
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    @Override
    public boolean await(Future<?> work, Instant deadline) throws InterruptedException {
        while (!work.isDone()) {
            long engineNanos = Duration.between(now(), deadline).toNanos();
            if (engineNanos <= 0) {
                return work.isDone();
            }
            try {
                work.get(Math.max(1, (long) (engineNanos / speed)), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // done (with a failure the caller reads) or the deadline has come: loop and look again
            }
        }
        return true;
    }
}
