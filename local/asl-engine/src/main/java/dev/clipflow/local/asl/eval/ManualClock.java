package dev.clipflow.local.asl.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that never sleeps: {@link #sleep} advances time at once and records the duration. Thread-safe. */
public final class ManualClock implements Clock {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** Moves time forward without a recorded sleep (a slow task, for example). */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Every sleep so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
