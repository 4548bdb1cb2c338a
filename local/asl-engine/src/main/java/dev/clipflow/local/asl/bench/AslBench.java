package dev.clipflow.local.asl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.Clock;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.parse.DefinitionParser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throughput probe used by {@code bench/run.sh}: runs one definition repeatedly (after a warm-up) with every Task
 * answered by a constant, and prints {@code executions transitions seconds transitionsPerSecond}.
 *
 * <p>Usage: {@code AslBench <definition> <input json> <transitions per execution> <seconds>}
 */
public final class AslBench {

    private AslBench() {
    }

    public static void main(String[] args) throws Exception {
        StateMachineModel model = DefinitionParser.parse(Files.readString(Path.of(args[0]))).orThrow();
        JsonNode input = Json.parse(args[1]);
        long perExecution = Long.parseLong(args[2]);
        double seconds = Double.parseDouble(args[3]);
        ObjectNode ok = Json.object().put("ok", true);
        Engine engine = new Engine(request -> ok, Clock.system());
        ExecutionOptions options = ExecutionOptions.defaults();
        long warmupEnd = System.nanoTime() + (long) (Math.max(1.0, seconds / 2) * 1e9);
        while (System.nanoTime() < warmupEnd) {
            check(engine.execute(model, input, options));
        }
        long executions = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            check(engine.execute(model, input, options));
            executions++;
            now = System.nanoTime();
        } while (now < end);
        double elapsed = (now - start) / 1e9;
        long transitions = executions * perExecution;
        System.out.printf("%d %d %.3f %.0f%n", executions, transitions, elapsed, transitions / elapsed);
    }

    private static void check(ExecutionResult r) {
        if (r.status() != ExecutionResult.Status.SUCCEEDED) {
            throw new IllegalStateException("benchmark execution failed: " + r.error() + " " + r.cause());
        }
    }
}
