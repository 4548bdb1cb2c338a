package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.eval.LiveExecution;
import java.time.Instant;

/** One execution: what DescribeExecution reports; status changes once, from RUNNING to a final status. */
final class ExecutionRecord {

    final String arn;
    final String stateMachineArn;
    final String name;
    final String input;
    final Instant startDate;
    final LiveExecution live = new LiveExecution();
    volatile Thread thread;
    private volatile String status = "RUNNING";
    private volatile Instant stopDate;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;

    ExecutionRecord(String arn, String stateMachineArn, String name, String input, Instant startDate) {
        this.arn = arn;
        this.stateMachineArn = stateMachineArn;
        this.name = name;
        this.input = input;
        this.startDate = startDate;
    }

    synchronized boolean finish(String finalStatus, JsonNode out, String err, String why) {
        if (!"RUNNING".equals(status)) {
            return false;
        }
        this.output = out;
        this.error = err;
        this.cause = why;
        this.stopDate = Instant.now();
        this.status = finalStatus;
        notifyAll();
        return true;
    }

    String status() {
        return status;
    }

    Instant stopDate() {
        return stopDate;
    }

    JsonNode output() {
        return output;
    }

    String error() {
        return error;
    }

    String cause() {
        return cause;
    }

    boolean running() {
        return "RUNNING".equals(status);
    }

    /** Waits until the execution is no longer running or the timeout passes. */
    synchronized void await(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (running() && System.currentTimeMillis() < end) {
            wait(Math.max(1, end - System.currentTimeMillis()));
        }
    }
}
