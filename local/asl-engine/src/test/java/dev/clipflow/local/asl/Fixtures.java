package dev.clipflow.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.ManualClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.mock.MockConfig;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.time.Instant;

/** Shared test helpers: parse, run with a manual clock, build mock invokers. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    public static StateMachineModel machine(String json) {
        return DefinitionParser.parse(json).orThrow();
    }

    public static StateMachineModel machine(JsonNode json) {
        return DefinitionParser.parse(json).orThrow();
    }

    public static ExecutionResult run(String definition, String input, TaskInvoker invoker) {
        return new Engine(invoker, new ManualClock(T0)).execute(machine(definition), Json.parse(input),
                ExecutionOptions.defaults());
    }

    public static TaskInvoker noFunctions() {
        return new IntegrationTaskInvoker(LambdaResolver.none(), null, null);
    }

    /** An invoker from a {@code {"StateName": {"0": {"Return": ...}}}} object, in the mock file format. */
    public static TaskInvoker mocks(JsonNode byState) {
        ObjectNode config = Json.object();
        ObjectNode testCase = config.putObject("StateMachines").putObject("M").putObject("TestCases")
                .putObject("T");
        ObjectNode responses = config.putObject("MockedResponses");
        if (byState != null) {
            byState.properties().forEach(e -> {
                testCase.put(e.getKey(), "R_" + e.getKey());
                responses.set("R_" + e.getKey(), e.getValue());
            });
        }
        return MockConfig.parse(config).invoker("M", "T", noFunctions());
    }
}
