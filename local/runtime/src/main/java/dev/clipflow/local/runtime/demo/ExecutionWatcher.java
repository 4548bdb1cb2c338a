package dev.clipflow.local.runtime.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows an execution through the Step Functions API (as the console does): prints each state as it is
 * entered, with the time since the start, and each task failure with its error.
 */
final class ExecutionWatcher {

    private final SfnClient sfn;
    private final PrintStream out;

    ExecutionWatcher(SfnClient sfn, PrintStream out) {
        this.sfn = sfn;
        this.out = out;
    }

    /** The execution whose input names the video, waiting up to {@code wait} for it to appear. */
    Optional<String> find(String stateMachineArn, String videoId, Duration wait) throws InterruptedException {
        Instant end = Instant.now().plus(wait);
        do {
            for (var e : sfn.listExecutionsPaginator(r -> r.stateMachineArn(stateMachineArn)).executions()) {
                String input = sfn.describeExecution(r -> r.executionArn(e.executionArn())).input();
                if (input != null && input.contains("\"" + videoId + "\"")) {
                    return Optional.of(e.executionArn());
                }
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(end));
        return Optional.empty();
    }

    /** Prints states until the execution closes or {@code wait} passes; returns the states entered. */
    List<String> follow(String executionArn, Duration wait) throws InterruptedException {
        List<String> states = new ArrayList<>();
        long seen = 0;
        Instant end = Instant.now().plus(wait);
        Instant start = null;
        while (true) {
            DescribeExecutionResponse d = sfn.describeExecution(r -> r.executionArn(executionArn));
            start = start == null ? d.startDate() : start;
            for (HistoryEvent e : sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn)
                    .includeExecutionData(false)).events()) {
                if (e.id() <= seen) {
                    continue;
                }
                seen = e.id();
                String at = String.format("%7.1fs", Duration.between(start, e.timestamp()).toMillis() / 1000.0);
                if (e.stateEnteredEventDetails() != null) {
                    states.add(e.stateEnteredEventDetails().name());
                    out.println("  " + at + "  > " + e.stateEnteredEventDetails().name());
                } else if (e.lambdaFunctionFailedEventDetails() != null || e.taskFailedEventDetails() != null) {
                    String error = e.taskFailedEventDetails() != null ? e.taskFailedEventDetails().error()
                            : e.lambdaFunctionFailedEventDetails().error();
                    out.println("  " + at + "    ! failed: " + error);
                } else if (e.typeAsString().startsWith("Execution") && !e.typeAsString().equals("ExecutionStarted")) {
                    out.println("  " + at + "  = " + e.typeAsString());
                }
            }
            if (d.status() != ExecutionStatus.RUNNING || Instant.now().isAfter(end)) {
                return states;
            }
            Thread.sleep(250);
        }
    }
}
