package dev.clipflow.cost;

/**
 * What one pipeline stage consumed, as the billing of AWS counts it.
 *
 * @param stage            the stage name, e.g. {@code probe}, {@code transcode}, {@code publish}
 * @param invocations      Lambda invocations (1 per attempt that ran)
 * @param durationMillis   billed Lambda duration summed over invocations, at {@code memoryMb}
 * @param memoryMb         the function's configured memory
 * @param stateTransitions Step Functions state transitions attributed to the stage
 * @param bytesStored      bytes this stage left in S3
 * @param s3Puts           S3 PUT requests the stage made; 0 = not counted (the cost model estimates them
 *                         from {@code bytesStored})
 * @param s3Gets           S3 GET requests the stage made (ranged reads of the source, chunk manifests); both
 *                         counts are boxed so that usage written before they existed reads them as 0
 */
public record StageUsage(String stage, int invocations, long durationMillis, int memoryMb,
                         int stateTransitions, long bytesStored, Long s3Puts, Long s3Gets) {

    public StageUsage {
        s3Puts = s3Puts == null ? 0 : s3Puts;
        s3Gets = s3Gets == null ? 0 : s3Gets;
    }

    /** Usage without counted S3 requests. */
    public StageUsage(String stage, int invocations, long durationMillis, int memoryMb, int stateTransitions,
                      long bytesStored) {
        this(stage, invocations, durationMillis, memoryMb, stateTransitions, bytesStored, 0L, 0L);
    }
}
