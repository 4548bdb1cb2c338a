package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One execution whose {@link History} can be read while it runs (GetExecutionHistory from a running
 * function, live progress) and which can be stopped (StopExecution). {@link Engine#execute} runs one of
 * these to completion; a server keeps the handle to describe or stop the execution meanwhile, and to read the
 * Map Runs of its Distributed Map states ({@link #mapRuns()}) and their child executions.
 */
public final class LiveExecution {

    private final History history;
    private final Cancellation cancellation;
    private final List<MapRun> mapRuns = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    /** An execution that records its history (AWS-shaped events). */
    public LiveExecution() {
        this(true);
    }

    public LiveExecution(boolean recordHistory) {
        this(recordHistory, null);
    }

    /** A child execution of a Map Run: aborted when {@code parent} (the Map Run's group) is cancelled. */
    LiveExecution(boolean recordHistory, Cancellation parent) {
        this.history = new History(recordHistory);
        this.cancellation = new Cancellation(parent);
    }

    public History history() {
        return history;
    }

    /** The Map Runs started so far by this execution's Distributed Map states, in start order. */
    public List<MapRun> mapRuns() {
        return List.copyOf(mapRuns);
    }

    /** Asks the execution to stop at its next state boundary. */
    public void stop() {
        stopped = true;
        cancellation.cancel();
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * Runs the execution on the calling thread.
     *
     * @return the result, or {@code null} when the execution was stopped (the history then ends with
     *         ExecutionAborted)
     */
    public ExecutionResult run(StateMachineModel machine, JsonNode input, ExecutionOptions options,
                               TaskInvoker invoker, Clock clock) {
        return run(machine, input, ExecutionIdentity.of(options), invoker, clock);
    }

    ExecutionResult run(StateMachineModel machine, JsonNode input, ExecutionIdentity identity, TaskInvoker invoker,
                        Clock clock) {
        Instant start = clock.now();
        Instant deadline = machine.timeoutSeconds() == null ? null : start.plusSeconds(machine.timeoutSeconds());
        Run run = new Run(invoker, clock, history, deadline, identity, input, start, mapRuns);
        ObjectNode started = null;
        if (history.recording()) {
            started = Json.object();
            started.put("input", Json.write(input));
            started.putObject("inputDetails").put("truncated", false);
            started.put("roleArn", identity.roleArn());
        }
        long id = history.add("ExecutionStarted", 0, start, started);
        Interpreter interpreter = new Interpreter(run, machine, cancellation, id);
        try {
            if (PayloadLimit.exceeded(input)) {
                throw new StatesErrorException(ErrorNames.DATA_LIMIT_EXCEEDED, PayloadLimit.EXECUTION_INPUT);
            }
            JsonNode output = interpreter.execute(input);
            if (aborting()) {
                return aborted(run, interpreter);
            }
            ObjectNode d = null;
            if (history.recording()) {
                d = Json.object();
                d.put("output", Json.write(output));
                d.putObject("outputDetails").put("truncated", false);
            }
            run.event("ExecutionSucceeded", interpreter.prev, d);
            return result(ExecutionResult.Status.SUCCEEDED, output, null, null);
        } catch (StatesErrorException e) {
            if (aborting()) {
                return aborted(run, interpreter);
            }
            ObjectNode d = null;
            if (history.recording()) {
                d = e.error() == null && e.cause() == null ? Json.object() : ParallelRunner.errorDetails(e);
            }
            run.event("ExecutionFailed", interpreter.prev, d);
            return result(ExecutionResult.Status.FAILED, null, e.error(), e.cause());
        } catch (Run.ExecutionTimedOutException e) {
            ObjectNode d = history.recording() ? Json.object().put("error", ErrorNames.TIMEOUT) : null;
            run.event("ExecutionTimedOut", interpreter.prev, d);
            return result(ExecutionResult.Status.TIMED_OUT, null, ErrorNames.TIMEOUT, null);
        } catch (RuntimeException e) {
            if (aborting()) {
                return aborted(run, interpreter);
            }
            throw e;
        }
    }

    /** Stopped by StopExecution, or (a child) by its Map Run: whatever the last state did, it ends aborted. */
    private boolean aborting() {
        return stopped || cancellation.isCancelled();
    }

    private ExecutionResult result(ExecutionResult.Status status, JsonNode output, String error, String cause) {
        return new ExecutionResult(status, output, error, cause, history.events(), mapRuns());
    }

    private ExecutionResult aborted(Run run, Interpreter interpreter) {
        run.event("ExecutionAborted", interpreter.prev, history.recording() ? Json.object() : null);
        return null;
    }
}
