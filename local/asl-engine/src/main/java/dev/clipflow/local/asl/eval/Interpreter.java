package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.ChoiceState;
import dev.clipflow.local.asl.model.FailState;
import dev.clipflow.local.asl.model.MapState;
import dev.clipflow.local.asl.model.ParallelState;
import dev.clipflow.local.asl.model.PassState;
import dev.clipflow.local.asl.model.State;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.model.SucceedState;
import dev.clipflow.local.asl.model.TaskState;
import dev.clipflow.local.asl.model.WaitState;

/**
 * Runs one state machine, branch or Map iteration from its StartAt to an end state, one transition at a time.
 * Every state goes through the same template: entered event, state work, exited event, transition.
 */
final class Interpreter {

    final Run run;
    final Cancellation cancel;
    private final StateMachineModel machine;
    /** Id of the last event of this thread of control, for previousEventId. */
    long prev;
    /**
     * The last state output measured against the payload limit. Nodes are never changed once built (ResultPath
     * copies), so a state that passes this very node on (a Choice, a Wait, a Succeed) is not measured again.
     */
    private JsonNode measured;

    Interpreter(Run run, StateMachineModel machine, Cancellation cancel, long prev) {
        this.run = run;
        this.machine = machine;
        this.cancel = cancel;
        this.prev = prev;
    }

    JsonNode execute(JsonNode input) {
        String current = machine.startAt();
        JsonNode data = input;
        while (true) {
            cancel.check();
            if (run.deadline != null) {
                run.checkDeadline();
            }
            Step step = runState(machine.state(current), data);
            if (step.next() == null) {
                return step.output();
            }
            current = step.next();
            data = step.output();
        }
    }

    Step runState(State state, JsonNode input) {
        String type = state.typeName();
        prev = run.event(type + "StateEntered", prev,
                run.recording ? History.stateDetails(state.name(), "input", input) : null);
        Scope scope = new Scope(state.name(), prev, () -> run.context(state.name(), 0, null, null));
        Step step = switch (state) {
            case PassState p -> pass(p, input, scope);
            case TaskState t -> new TaskRunner(this).run(t, input, scope);
            case ChoiceState c -> choice(c, input, scope);
            case WaitState w -> WaitRunner.run(this, w, input, scope);
            case SucceedState s -> new Step(null, DataFlow.select(s.outputPath(),
                    DataFlow.select(s.inputPath(), input, scope), scope));
            case FailState f -> throw fail(f, input, scope);
            case ParallelState p -> new ParallelRunner(this).run(p, input, scope);
            case MapState m -> new MapRunner(this).run(m, input, scope);
        };
        if (step.output() != measured) {
            if (PayloadLimit.exceeded(step.output())) {
                throw PayloadLimit.stateOutput(state.name());
            }
            measured = step.output();
        }
        prev = run.event(type + "StateExited", prev,
                run.recording ? History.stateDetails(state.name(), "output", step.output()) : null);
        return step;
    }

    private Step pass(PassState p, JsonNode input, Scope scope) {
        JsonNode effective = DataFlow.select(p.io().inputPath(), input, scope);
        if (p.io().parameters() != null) {
            effective = DataFlow.template(p.io().parameters(), effective, () -> context(scope, 0), scope);
        }
        JsonNode result = p.result() != null ? p.result() : effective;
        JsonNode out = DataFlow.select(p.io().outputPath(), DataFlow.resultPath(p.io().resultPath(), input, result),
                scope);
        // the result alone, when it is not the output itself (which runState measures)
        if (result != out && PayloadLimit.exceeded(result)) {
            throw PayloadLimit.stateOutput(p.name());
        }
        return new Step(p.next(), out);
    }

    private Step choice(ChoiceState c, JsonNode input, Scope scope) {
        JsonNode effective = DataFlow.select(c.inputPath(), input, scope);
        String next = c.defaultState();
        for (ChoiceState.Branch b : c.choices()) {
            if (ChoiceEvaluator.matches(b.rule(), effective, scope)) {
                next = b.next();
                break;
            }
        }
        if (next == null) {
            throw new StatesErrorException(ErrorNames.NO_CHOICE_MATCHED, scope.prefix()
                    + "No Choice Rule matched and no Default was specified.");
        }
        return new Step(next, DataFlow.select(c.outputPath(), effective, scope));
    }

    private StatesErrorException fail(FailState f, JsonNode input, Scope scope) {
        String error = f.error();
        String cause = f.cause();
        if (f.errorPath() != null) {
            error = textOf(DataFlow.template(f.errorPath(), input, () -> context(scope, 0), scope), "ErrorPath",
                    scope);
        }
        if (f.causePath() != null) {
            cause = textOf(DataFlow.template(f.causePath(), input, () -> context(scope, 0), scope), "CausePath",
                    scope);
        }
        return new StatesErrorException(error, cause);
    }

    private static String textOf(JsonNode v, String field, Scope scope) {
        if (!v.isTextual()) {
            throw scope.runtime("The value at the field '" + field + "' must be a string, but was "
                    + Json.typeName(v) + ".");
        }
        return v.textValue();
    }

    JsonNode context(Scope scope, int retryCount) {
        return run.context(scope.name(), retryCount, null, null);
    }

    JsonNode context(String stateName) {
        return run.context(stateName, 0, null, null);
    }

    ObjectNode details() {
        return run.recording ? Json.object() : null;
    }
}
