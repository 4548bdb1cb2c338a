package dev.clipflow.batch;

import java.util.List;

/**
 * A store that writes a batch of items in one call (port), like DynamoDB's {@code BatchWriteItem}.
 * Writing an item twice stores it once (items are keyed), so a retried batch creates no duplicate.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface BatchSink<T> {
    /**
     * Writes {@code batch} (at most the sink's batch size) and returns the items that were not
     * processed (empty when all were written). Throws {@link BatchThrottledException} when the store
     * refused the whole call for lack of capacity.
     */
    List<T> write(List<T> batch);
}
