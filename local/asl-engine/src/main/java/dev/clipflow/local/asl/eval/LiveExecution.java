package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.time.Instant;

/**
 * One execution whose {@link History} can be read while it runs (GetExecutionHistory from a running
 * function, live progress) and which can be stopped (StopExecution). {@link Engine#execute} runs one of
 * these to completion; a server keeps the handle to describe or stop the execution meanwhile.
 */
public final class LiveExecution {

    private final History history;
    private final Cancellation cancellation = new Cancellation(null);
    private volatile boolean stopped;

    /** An execution that records its history (AWS-shaped events). */
    public LiveExecution() {
        this(true);
    }

    public LiveExecution(boolean recordHistory) {
        this.history = new History(recordHistory);
    }

    public History history() {
        return history;
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
        Instant start = clock.now();
        Instant deadline = machine.timeoutSeconds() == null ? null : start.plusSeconds(machine.timeoutSeconds());
        Run run = new Run(invoker, clock, history, deadline, options, input, start);
        ObjectNode started = null;
        if (history.recording()) {
            started = Json.object();
            started.put("input", Json.write(input));
            started.putObject("inputDetails").put("truncated", false);
            started.put("roleArn", run.execution.get("RoleArn").textValue());
        }
        long id = history.add("ExecutionStarted", 0, start, started);
        Interpreter interpreter = new Interpreter(run, machine, cancellation, id);
        try {
            JsonNode output = interpreter.execute(input);
            ObjectNode d = null;
            if (history.recording()) {
                d = Json.object();
                d.put("output", Json.write(output));
                d.putObject("outputDetails").put("truncated", false);
            }
            run.event("ExecutionSucceeded", interpreter.prev, d);
            return new ExecutionResult(ExecutionResult.Status.SUCCEEDED, output, null, null, history.events());
        } catch (StatesErrorException e) {
            if (stopped) {
                return aborted(run, interpreter);
            }
            ObjectNode d = null;
            if (history.recording()) {
                d = e.error() == null && e.cause() == null ? Json.object() : ParallelRunner.errorDetails(e);
            }
            run.event("ExecutionFailed", interpreter.prev, d);
            return new ExecutionResult(ExecutionResult.Status.FAILED, null, e.error(), e.cause(), history.events());
        } catch (Run.ExecutionTimedOutException e) {
            ObjectNode d = history.recording() ? Json.object().put("error", ErrorNames.TIMEOUT) : null;
            run.event("ExecutionTimedOut", interpreter.prev, d);
            return new ExecutionResult(ExecutionResult.Status.TIMED_OUT, null, ErrorNames.TIMEOUT, null,
                    history.events());
        } catch (RuntimeException e) {
            if (stopped) {
                return aborted(run, interpreter);
            }
            throw e;
        }
    }

    private ExecutionResult aborted(Run run, Interpreter interpreter) {
        run.event("ExecutionAborted", interpreter.prev, history.recording() ? Json.object() : null);
        return null;
    }
}
