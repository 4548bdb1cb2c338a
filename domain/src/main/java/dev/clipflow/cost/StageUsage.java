package dev.clipflow.cost;

/**
 * What one pipeline stage consumed, as the billing of AWS counts it.
 *
 * @param stage            the stage name, e.g. {@code probe}, {@code transcode}, {@code publish}
 * @param invocations      Lambda invocations (1 per attempt that ran)
 * @param durationMillis   billed Lambda duration summed over invocations
 * @param memoryMb         the function's configured memory
 * @param stateTransitions Step Functions state transitions attributed to the stage
 * @param bytesStored      bytes this stage left in S3
 */
public record StageUsage(String stage, int invocations, long durationMillis, int memoryMb,
                         int stateTransitions, long bytesStored) {
}
