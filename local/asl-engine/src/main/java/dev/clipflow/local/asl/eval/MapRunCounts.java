package dev.clipflow.local.asl.eval;

/**
 * DescribeMapRun's {@code itemCounts} or {@code executionCounts}: items (or child executions) not started yet,
 * running, and closed by status. {@code total} counts them all, started or not; {@code resultsWritten} stays 0
 * (no ResultWriter here).
 */
public record MapRunCounts(long pending, long running, long succeeded, long failed, long timedOut, long aborted,
                           long total, long resultsWritten) {
}
