package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.task.TaskInvoker;

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
        return new LiveExecution(options.history()).run(machine, input, options, invoker, clock);
    }
}
