package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.time.Instant;

/**
 * Runs validated state machines: input in, output or error plus history out. Thread-safe; one engine can run
 * many executions at once.
 */
public final class Engine {

    private final TaskInvoker invoker;
    private final Clock clock;

    public Engine(TaskInvoker invoker, Clock clock) {
        this.invoker = invoker;
        this.clock = clock;
    }

    public ExecutionResult execute(StateMachineModel machine, JsonNode input, ExecutionOptions options) {
        History history = new History(options.history());
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
        Interpreter interpreter = new Interpreter(run, machine, Cancellation.NEVER, id);
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
            if (e.error() == null && e.cause() == null) {
                run.event("ExecutionFailed", interpreter.prev, history.recording() ? Json.object() : null);
            } else {
                run.event("ExecutionFailed", interpreter.prev,
                        history.recording() ? ParallelRunner.errorDetails(e) : null);
            }
            return new ExecutionResult(ExecutionResult.Status.FAILED, null, e.error(), e.cause(), history.events());
        } catch (Run.ExecutionTimedOutException e) {
            ObjectNode d = history.recording() ? Json.object().put("error", ErrorNames.TIMEOUT) : null;
            run.event("ExecutionTimedOut", interpreter.prev, d);
            return new ExecutionResult(ExecutionResult.Status.TIMED_OUT, null, ErrorNames.TIMEOUT, null,
                    history.events());
        }
    }
}
