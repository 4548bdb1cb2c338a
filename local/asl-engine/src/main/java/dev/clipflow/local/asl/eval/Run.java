package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.time.Instant;

/** Everything one execution shares across its states, branches and iterations. */
final class Run {

    final TaskInvoker invoker;
    final Clock clock;
    final History history;
    final boolean recording;
    final Instant deadline;
    final ObjectNode execution;
    final ObjectNode stateMachine;

    Run(TaskInvoker invoker, Clock clock, History history, Instant deadline, ExecutionOptions options,
        JsonNode input, Instant start) {
        this.invoker = invoker;
        this.clock = clock;
        this.history = history;
        this.recording = history.recording();
        this.deadline = deadline;
        String smArn = "arn:aws:states:" + options.region() + ":" + options.account() + ":stateMachine:"
                + options.stateMachineName();
        this.stateMachine = Json.object().put("Id", smArn).put("Name", options.stateMachineName());
        this.execution = Json.object();
        execution.put("Id", "arn:aws:states:" + options.region() + ":" + options.account() + ":execution:"
                + options.stateMachineName() + ":" + options.executionName());
        execution.set("Input", input);
        execution.put("Name", options.executionName());
        execution.put("RoleArn", "arn:aws:iam::" + options.account() + ":role/StepFunctionsLocalRole");
        execution.put("StartTime", start.toString());
        execution.put("RedriveCount", 0);
    }

    long event(String type, long previous, ObjectNode details) {
        return history.add(type, previous, recording ? clock.now() : null, details);
    }

    void checkDeadline() {
        if (deadline != null && !clock.now().isBefore(deadline)) {
            throw new ExecutionTimedOutException();
        }
    }

    /** The context object {@code $$} for one state. */
    JsonNode context(String stateName, int retryCount, JsonNode mapItemIndex, JsonNode mapItemValue) {
        ObjectNode ctx = Json.object();
        ctx.set("Execution", execution);
        ObjectNode state = ctx.putObject("State");
        state.put("EnteredTime", clock.now().toString());
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ctx.set("StateMachine", stateMachine);
        if (mapItemIndex != null) {
            ObjectNode item = ctx.putObject("Map").putObject("Item");
            item.set("Index", mapItemIndex);
            item.set("Value", mapItemValue);
        }
        return ctx;
    }

    /** The execution ran past the machine's TimeoutSeconds. */
    static final class ExecutionTimedOutException extends RuntimeException {
        ExecutionTimedOutException() {
            super("execution timed out", null, false, false);
        }
    }
}
