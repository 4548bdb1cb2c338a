package dev.clipflow.batch;

import java.time.Duration;

/** Waits between retries (port: tests record the delays instead of sleeping). */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper THREAD = d -> {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchWriteIncompleteException("Interrupted while backing off", 0);
        }
    };

    void sleep(Duration duration);
}
