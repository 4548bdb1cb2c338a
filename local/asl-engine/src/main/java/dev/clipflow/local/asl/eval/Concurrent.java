package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Runs branches, iterations or child executions on virtual threads: {@code workers} threads take the next index
 * until none is left, so at most {@code workers} units run at once. A failure that the caller's policy says stops
 * the group cancels and interrupts the running units, and no further unit starts; results come back in index
 * order.
 */
final class Concurrent {

    /** Step Functions runs at most 40 inline Map iterations at once, whatever MaxConcurrency says. */
    static final int INLINE_MAP_LIMIT = 40;

    private Concurrent() {
    }

    /**
     * @param workers how many units may run at once (at least 1)
     * @param stops asked (on the failing unit's thread) for every failure but a cancellation: whether it stops the
     *              group ({@code e -> true} fails fast)
     * @return per index: the {@link JsonNode} result or the {@link RuntimeException} it failed with (a
     *         {@link Cancellation.CancelledException} for units cancelled or never started)
     */
    static Object[] run(int count, int workers, Cancellation group, Predicate<RuntimeException> stops,
                        IntFunction<JsonNode> work) {
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(workers);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < Math.min(workers, count); w++) {
                Future<?> f = pool.submit(() -> {
                    int index;
                    while (!group.isCancelled() && (index = next.getAndIncrement()) < count) {
                        try {
                            results[index] = work.apply(index);
                        } catch (RuntimeException e) {
                            results[index] = e;
                            if (!(e instanceof Cancellation.CancelledException) && stops.test(e)) {
                                group.cancel();
                                synchronized (futures) {
                                    futures.forEach(other -> other.cancel(true));
                                }
                            }
                        }
                    }
                });
                synchronized (futures) {
                    futures.add(f);
                    if (group.isCancelled()) {
                        f.cancel(true);
                    }
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (results[i] == null) {
                results[i] = new Cancellation.CancelledException();
            }
        }
        return results;
    }

    /** The first real failure among results (a cancellation only when nothing else failed), or {@code null}. */
    static RuntimeException firstFailure(Object[] results) {
        RuntimeException cancelled = null;
        for (Object r : results) {
            if (r instanceof Cancellation.CancelledException c) {
                cancelled = c;
            } else if (r instanceof RuntimeException e) {
                return e;
            }
        }
        return cancelled;
    }
}
