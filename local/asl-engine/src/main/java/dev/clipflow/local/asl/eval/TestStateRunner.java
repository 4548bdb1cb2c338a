package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.Catcher;
import dev.clipflow.local.asl.model.ChoiceState;
import dev.clipflow.local.asl.model.IoSpec;
import dev.clipflow.local.asl.model.MapState;
import dev.clipflow.local.asl.model.ParallelState;
import dev.clipflow.local.asl.model.PassState;
import dev.clipflow.local.asl.model.Retrier;
import dev.clipflow.local.asl.model.State;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.model.TaskState;
import dev.clipflow.local.asl.model.WaitState;
import dev.clipflow.local.asl.task.TaskFailedException;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.asl.task.TaskRequest;

/**
 * The local counterpart of AWS's TestState API: runs one state once (no Wait, no retry) and reports each step
 * of its data flow. Causes carry no "An error occurred while executing the state" prefix, as TestState's don't.
 */
public final class TestStateRunner {

    private final TaskInvoker invoker;
    private final Clock clock;

    public TestStateRunner(TaskInvoker invoker, Clock clock) {
        this.invoker = invoker;
        this.clock = clock;
    }

    public TestStateResult test(State state, JsonNode input, boolean debug) {
        ObjectNode inspection = Json.object();
        Scope scope = new Scope(state.name(), -1, () -> interpreter().context(state.name()));
        record("input", input, inspection, debug);
        try {
            return switch (state) {
                case PassState p -> {
                    JsonNode effective = io(p.io(), input, inspection, debug, scope);
                    JsonNode result = p.result() != null ? p.result() : effective;
                    record("result", result, inspection, debug);
                    yield finish(p.io(), input, result, p.next(), inspection, debug, scope);
                }
                case TaskState t -> task(t, input, inspection, debug, scope);
                case ChoiceState c -> {
                    JsonNode effective = DataFlow.select(c.inputPath(), input, scope);
                    record("afterInputPath", effective, inspection, debug);
                    Step step = interpreter().runState(c, input);
                    yield new TestStateResult("SUCCEEDED", step.output(), null, null, step.next(), inspection);
                }
                case WaitState w -> {
                    JsonNode effective = DataFlow.select(w.inputPath(), input, scope);
                    record("afterInputPath", effective, inspection, debug);
                    yield new TestStateResult("SUCCEEDED", DataFlow.select(w.outputPath(), effective, scope), null,
                            null, w.next(), inspection);
                }
                case MapState m -> whole(m, input, inspection);
                case ParallelState p -> whole(p, input, inspection);
                default -> whole(state, input, inspection);
            };
        } catch (StatesErrorException e) {
            return new TestStateResult("FAILED", null, e.error(), stripPrefix(e.cause()), null, inspection);
        }
    }

    private TestStateResult task(TaskState t, JsonNode input, ObjectNode inspection, boolean debug, Scope scope) {
        JsonNode params = io(t.io(), input, inspection, debug, scope);
        JsonNode result;
        try {
            result = invoker.invoke(new TaskRequest(t.name(), t.resource(), params, 0,
                    () -> interpreter().context(scope, 0)));
        } catch (TaskFailedException e) {
            for (Retrier r : t.retry()) {
                if (ErrorNames.matches(r.errorEquals(), e.error())) {
                    if (r.maxAttempts() > 0) {
                        return new TestStateResult("RETRIABLE", null, e.error(), e.cause(), null, inspection);
                    }
                    break;
                }
            }
            for (Catcher c : t.catchers()) {
                if (ErrorNames.matches(c.errorEquals(), e.error())) {
                    ObjectNode err = Json.object().put("Error", e.error());
                    if (e.cause() != null) {
                        err.put("Cause", e.cause());
                    }
                    return new TestStateResult("CAUGHT_ERROR", DataFlow.resultPath(c.resultPath(), input, err),
                            e.error(), e.cause(), c.next(), inspection);
                }
            }
            return new TestStateResult("FAILED", null, e.error(), e.cause(), null, inspection);
        }
        record("result", result, inspection, debug);
        if (t.io().resultSelector() != null) {
            result = DataFlow.template(t.io().resultSelector(), result, () -> interpreter().context(scope, 0), scope);
            record("afterResultSelector", result, inspection, debug);
        }
        return finish(t.io(), input, result, t.next(), inspection, debug, scope);
    }

    private JsonNode io(IoSpec io, JsonNode input, ObjectNode inspection, boolean debug, Scope scope) {
        JsonNode effective = DataFlow.select(io.inputPath(), input, scope);
        record("afterInputPath", effective, inspection, debug);
        if (io.parameters() != null) {
            effective = DataFlow.template(io.parameters(), effective, () -> interpreter().context(scope, 0), scope);
        }
        record("afterParameters", effective, inspection, debug);
        return effective;
    }

    private TestStateResult finish(IoSpec io, JsonNode input, JsonNode result, String next, ObjectNode inspection,
                                   boolean debug, Scope scope) {
        JsonNode after = DataFlow.resultPath(io.resultPath(), input, result);
        record("afterResultPath", after, inspection, debug);
        return new TestStateResult("SUCCEEDED", DataFlow.select(io.outputPath(), after, scope), null, null, next,
                inspection);
    }

    private TestStateResult whole(State state, JsonNode input, ObjectNode inspection) {
        Step step = interpreter().runState(state, input);
        return new TestStateResult("SUCCEEDED", step.output(), null, null, step.next(), inspection);
    }

    private Interpreter interpreter() {
        Run run = new Run(invoker, clock, new History(false), null, ExecutionIdentity.of(ExecutionOptions.defaults()),
                Json.object(), clock.now(), new java.util.concurrent.CopyOnWriteArrayList<>());
        return new Interpreter(run, new StateMachineModel("x", java.util.Map.of(), null), Cancellation.NEVER, 0);
    }

    private static void record(String step, JsonNode value, ObjectNode inspection, boolean debug) {
        if (debug) {
            inspection.put(step, Json.write(value));
        }
    }

    private static String stripPrefix(String cause) {
        if (cause != null && cause.startsWith("An error occurred while executing the state '")) {
            int i = cause.indexOf("). ");
            return i < 0 ? cause : cause.substring(i + 3);
        }
        return cause;
    }
}
