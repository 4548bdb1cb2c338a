package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.time.Instant;
import java.util.List;

/** Everything one execution shares across its states, branches and iterations. */
final class Run {

    final TaskInvoker invoker;
    final Clock clock;
    final History history;
    final boolean recording;
    final Instant deadline;
    final ObjectNode execution;
    final ObjectNode stateMachine;
    final ExecutionIdentity identity;
    /** The Map Runs this execution's Distributed Map states start, in start order. */
    final List<MapRun> mapRuns;

    Run(TaskInvoker invoker, Clock clock, History history, Instant deadline, ExecutionIdentity identity,
        JsonNode input, Instant start, List<MapRun> mapRuns) {
        this.invoker = invoker;
        this.clock = clock;
        this.history = history;
        this.recording = history.recording();
        this.deadline = deadline;
        this.identity = identity;
        this.mapRuns = mapRuns;
        this.stateMachine = Json.object().put("Id", identity.stateMachineArn())
                .put("Name", identity.stateMachineName());
        this.execution = Json.object();
        execution.put("Id", identity.executionArn());
        execution.set("Input", input);
        execution.put("Name", identity.executionName());
        execution.put("RoleArn", identity.roleArn());
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
