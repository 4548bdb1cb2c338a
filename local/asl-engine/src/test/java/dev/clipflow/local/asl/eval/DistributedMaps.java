package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.asl.task.TaskRequest;
import java.util.stream.IntStream;

/** Test helpers for Distributed Map states: definitions, inputs, runs with history. */
final class DistributedMaps {

    /** A Task item processor that calls function F with the child's input. */
    static final String TASK = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
              "End":true}}}""";

    /** A Pass item processor: each child's output is its input. */
    static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

    private DistributedMaps() {
    }

    /** A machine of one Distributed Map state {@code M} over {@code $.items}; {@code extra} ends with a comma. */
    static String map(String extra, String processor) {
        String distributed = processor.replaceFirst("\\{", "{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\","
                + "\"ExecutionType\":\"STANDARD\"},");
        return """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",%s
              "ItemProcessor":%s,"End":true}}}""".formatted(extra, distributed);
    }

    static String map(String extra) {
        return map(extra, TASK);
    }

    static String items(int n) {
        return "{\"items\":" + IntStream.range(0, n).boxed().toList() + "}";
    }

    static ExecutionResult run(String definition, String input, TaskInvoker invoker) {
        return new Engine(invoker, new ManualClock(Fixtures.T0)).execute(Fixtures.machine(definition),
                Json.parse(input), ExecutionOptions.defaults().withHistory(true));
    }

    /** An invoker for machines without Task states. */
    static JsonNode noTask(TaskRequest request) {
        throw new IllegalStateException("no Task state expected, got " + request.stateName());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
