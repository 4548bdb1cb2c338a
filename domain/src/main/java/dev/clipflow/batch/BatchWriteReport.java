package dev.clipflow.batch;

/**
 * What a {@link BatchWriter#writeAll} call did.
 *
 * @param items   items written
 * @param calls   calls made to the sink, retries included
 * @param retries calls that repeated unprocessed or throttled items
 */
public record BatchWriteReport(int items, int calls, int retries) {
    public static final BatchWriteReport NONE = new BatchWriteReport(0, 0, 0);

    public BatchWriteReport plus(BatchWriteReport other) {
        return new BatchWriteReport(items + other.items, calls + other.calls, retries + other.retries);
    }
}
