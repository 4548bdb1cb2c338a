package dev.clipflow.local.asl.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Map Run: the child executions a Distributed Map state started in one attempt, and what DescribeMapRun and
 * ListMapRuns report about them. Readable while it runs; thread-safe.
 */
public final class MapRun {

    /** DescribeMapRun's {@code status}. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, ABORTED }

    private final String arn;
    private final String executionArn;
    private final String stateMachineArn;
    private final Instant startDate;
    private final int maxConcurrency;
    private final long toleratedFailureCount;
    private final double toleratedFailurePercentage;
    private final long itemTotal;
    private final long executionTotal;
    private final List<ChildExecution> children = new ArrayList<>();
    private final long[] items = new long[ExecutionStatus.values().length];
    private final long[] executions = new long[ExecutionStatus.values().length];
    private Status status = Status.RUNNING;
    private Instant stopDate;

    MapRun(String arn, String executionArn, String stateMachineArn, Instant startDate, int maxConcurrency,
           long toleratedFailureCount, double toleratedFailurePercentage, long itemTotal, long executionTotal) {
        this.arn = arn;
        this.executionArn = executionArn;
        this.stateMachineArn = stateMachineArn;
        this.startDate = startDate;
        this.maxConcurrency = maxConcurrency;
        this.toleratedFailureCount = toleratedFailureCount;
        this.toleratedFailurePercentage = toleratedFailurePercentage;
        this.itemTotal = itemTotal;
        this.executionTotal = executionTotal;
    }

    /** {@code arn:aws:states:<region>:<account>:mapRun:<stateMachineName>/<label or UUID>:<UUID>}. */
    public String arn() {
        return arn;
    }

    /** The execution whose Distributed Map state started this Map Run. */
    public String executionArn() {
        return executionArn;
    }

    /** The labelled state machine the children run: {@code ...:stateMachine:<stateMachineName>/<label>}. */
    public String stateMachineArn() {
        return stateMachineArn;
    }

    public Instant startDate() {
        return startDate;
    }

    /** {@code null} while running. */
    public synchronized Instant stopDate() {
        return stopDate;
    }

    public synchronized Status status() {
        return status;
    }

    /** MaxConcurrency as resolved for this run; 0 when the state set none. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** 0 when the state set none. */
    public long toleratedFailureCount() {
        return toleratedFailureCount;
    }

    /** 0 when the state set none. */
    public double toleratedFailurePercentage() {
        return toleratedFailurePercentage;
    }

    /** The child executions started so far, in start order. */
    public synchronized List<ChildExecution> children() {
        return List.copyOf(children);
    }

    public synchronized MapRunCounts itemCounts() {
        return counts(items, itemTotal);
    }

    public synchronized MapRunCounts executionCounts() {
        return counts(executions, executionTotal);
    }

    synchronized void started(ChildExecution child) {
        children.add(child);
        items[ExecutionStatus.RUNNING.ordinal()] += child.itemCount();
        executions[ExecutionStatus.RUNNING.ordinal()]++;
    }

    synchronized void closed(ChildExecution child) {
        items[ExecutionStatus.RUNNING.ordinal()] -= child.itemCount();
        executions[ExecutionStatus.RUNNING.ordinal()]--;
        items[child.status().ordinal()] += child.itemCount();
        executions[child.status().ordinal()]++;
    }

    synchronized void finish(Status closing, Instant at) {
        status = closing;
        stopDate = at;
    }

    private static MapRunCounts counts(long[] c, long total) {
        long started = 0;
        for (long n : c) {
            started += n;
        }
        return new MapRunCounts(total - started, c[ExecutionStatus.RUNNING.ordinal()],
                c[ExecutionStatus.SUCCEEDED.ordinal()], c[ExecutionStatus.FAILED.ordinal()],
                c[ExecutionStatus.TIMED_OUT.ordinal()], c[ExecutionStatus.ABORTED.ordinal()], total, 0);
    }
}
