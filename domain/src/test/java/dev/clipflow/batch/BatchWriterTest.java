package dev.clipflow.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchWriterTest {
    private final Set<Integer> stored = new LinkedHashSet<>();
    private final List<Integer> callSizes = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Backoff backoff = Backoff.exponential(Duration.ofMillis(10), 2, Duration.ofMillis(50), 6);

    @Test
    void writeAll_26Items_twoCallsOf25And1() {
        BatchWriter<Integer> writer = writer(batch -> store(batch, batch.size()));

        BatchWriteReport report = writer.writeAll(items(26));

        assertThat(callSizes).containsExactly(25, 1);
        assertThat(stored).hasSize(26);
        assertThat(report).isEqualTo(new BatchWriteReport(26, 2, 0));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void writeAll_unprocessedItems_retriedUntilWritten() {
        BatchWriter<Integer> writer = writer(batch -> store(batch, Math.min(10, batch.size())));

        BatchWriteReport report = writer.writeAll(items(25));

        assertThat(callSizes).containsExactly(25, 15, 5);
        assertThat(stored).containsExactlyElementsOf(items(25));
        assertThat(report.retries()).isEqualTo(2);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void writeAll_throttledTwice_backsOffExponentiallyThenWrites() {
        int[] calls = {0};
        BatchWriter<Integer> writer = writer(batch -> {
            if (calls[0]++ < 2) {
                throw new BatchThrottledException("throttled");
            }
            return store(batch, batch.size());
        });

        writer.writeAll(items(3));

        assertThat(stored).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void writeAll_neverSucceeds_throwsAfterMaxAttemptsWithUnwrittenCount() {
        BatchWriter<Integer> writer = writer(batch -> {
            callSizes.add(batch.size());
            return batch;
        });

        assertThatThrownBy(() -> writer.writeAll(items(7)))
                .isInstanceOf(BatchWriteIncompleteException.class)
                .satisfies(e -> assertThat(((BatchWriteIncompleteException) e).unwritten()).isEqualTo(7));
        assertThat(callSizes).hasSize(6);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40),
                Duration.ofMillis(50), Duration.ofMillis(50));
    }

    private BatchWriter<Integer> writer(BatchSink<Integer> sink) {
        return new BatchWriter<>(sink, 25, backoff, sleeps::add, () -> 0.5);
    }

    private List<Integer> store(List<Integer> batch, int accept) {
        callSizes.add(batch.size());
        stored.addAll(batch.subList(0, accept));
        return batch.subList(accept, batch.size());
    }

    private static List<Integer> items(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
