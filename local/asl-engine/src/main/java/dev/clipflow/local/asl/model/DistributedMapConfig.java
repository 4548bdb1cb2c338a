package dev.clipflow.local.asl.model;

/**
 * What a Map state in DISTRIBUTED mode adds to an inline one: {@code ItemProcessor.ProcessorConfig.ExecutionType},
 * {@code Label} and {@code ItemBatcher}. Each item (or batch) runs as a child execution of the item processor.
 *
 * @param label {@code null} when absent (the Map Run ARN then carries a UUID)
 * @param itemBatcher {@code null} when absent (one item per child execution)
 */
public record DistributedMapConfig(ExecutionType executionType, String label, ItemBatcher itemBatcher) {

    /** Most child executions a Map Run runs at once, whatever MaxConcurrency says (0 or absent means this). */
    public static final int MAX_CONCURRENCY_LIMIT = 10_000;

    /** Longest Label AWS accepts. */
    public static final int LABEL_MAX_LENGTH = 40;

    /** The {@code ProcessorConfig.ExecutionType} values. */
    public enum ExecutionType { STANDARD, EXPRESS }
}
