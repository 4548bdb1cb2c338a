package dev.clipflow.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Writes any number of items through a {@link BatchSink} in chunks of at most {@code batchSize},
 * retrying unprocessed items and throttled calls with the {@link Backoff}. The backoff is per
 * chunk: every chunk gets {@link Backoff#maxAttempts()} calls; an attempt that made progress
 * (wrote some items) does not grow the delay.
 *
 * @param <T> the item type
 */
public final class BatchWriter<T> {
    private final BatchSink<T> sink;
    private final int batchSize;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * A writer with the default backoff and real sleeps, its jitter from {@code jitter} (uniform in [0, 1)). There is
     * no default jitter source: on Lambda it must be one that SnapStart sandboxes do not share
     * ({@code dev.clipflow.lambda.RestoreSafeJitter}, docs/adr/0015), which this module cannot know.
     */
    public static <T> BatchWriter<T> withDefaults(BatchSink<T> sink, int batchSize, DoubleSupplier jitter) {
        return new BatchWriter<>(sink, batchSize, Backoff.DEFAULT, Sleeper.THREAD, jitter);
    }

    public BatchWriter(BatchSink<T> sink, int batchSize, Backoff backoff, Sleeper sleeper, DoubleSupplier random) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        this.batchSize = batchSize;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Writes every item; throws {@link BatchWriteIncompleteException} when a chunk still has
     * unwritten items after the last attempt (the chunks before it are written).
     */
    public BatchWriteReport writeAll(List<T> items) {
        BatchWriteReport report = BatchWriteReport.NONE;
        for (int from = 0; from < items.size(); from += batchSize) {
            report = report.plus(writeChunk(items.subList(from, Math.min(items.size(), from + batchSize))));
        }
        return report;
    }

    private BatchWriteReport writeChunk(List<T> chunk) {
        List<T> pending = new ArrayList<>(chunk);
        int calls = 0;
        int failedAttempts = 0;
        while (true) {
            calls++;
            int before = pending.size();
            try {
                pending = new ArrayList<>(sink.write(List.copyOf(pending)));
            } catch (BatchThrottledException e) {
                // the whole call was refused: pending is unchanged
            }
            if (pending.isEmpty()) {
                return new BatchWriteReport(chunk.size(), calls, calls - 1);
            }
            if (calls >= backoff.maxAttempts()) {
                throw new BatchWriteIncompleteException(pending.size() + " of " + chunk.size()
                        + " items still unwritten after " + calls + " attempts", pending.size());
            }
            if (pending.size() == before) {
                failedAttempts++;
            }
            Duration delay = backoff.delay(Math.max(1, failedAttempts), random.getAsDouble());
            sleeper.sleep(delay);
        }
    }
}
