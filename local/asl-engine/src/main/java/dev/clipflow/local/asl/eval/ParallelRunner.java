package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.ParallelState;
import dev.clipflow.local.asl.model.StateMachineModel;
import java.util.List;

/** The Parallel state: every branch gets the effective input; the first failing branch cancels the others. */
final class ParallelRunner {

    private final Interpreter in;

    ParallelRunner(Interpreter in) {
        this.in = in;
    }

    Step run(ParallelState p, JsonNode input, Scope scope) {
        JsonNode effective = DataFlow.select(p.io().inputPath(), input, scope);
        return Recovery.run(in, p.retry(), p.catchers(), input, retryCount -> {
            JsonNode branchInput = p.io().parameters() == null ? effective
                    : DataFlow.template(p.io().parameters(), effective, () -> in.context(scope, retryCount), scope);
            in.prev = in.run.event("ParallelStateStarted", in.prev, null);
            ArrayNode results;
            try {
                results = branches(p.branches(), branchInput);
            } catch (StatesErrorException e) {
                in.prev = in.run.event("ParallelStateFailed", in.prev, errorDetails(e));
                throw e;
            }
            in.prev = in.run.event("ParallelStateSucceeded", in.prev, null);
            JsonNode result = results;
            if (p.io().resultSelector() != null) {
                result = DataFlow.template(p.io().resultSelector(), result, () -> in.context(scope, retryCount),
                        scope);
            }
            JsonNode out = DataFlow.resultPath(p.io().resultPath(), input, result);
            return new Step(p.next(), DataFlow.select(p.io().outputPath(), out, scope));
        });
    }

    private ArrayNode branches(List<StateMachineModel> branches, JsonNode input) {
        Cancellation group = in.cancel.child();
        long start = in.prev;
        ArrayNode out = Json.array();
        if (branches.size() == 1) {
            out.add(new Interpreter(in.run, branches.get(0), group, start).execute(input));
            return out;
        }
        Object[] results = Concurrent.run(branches.size(), branches.size(), group, e -> true,
                i -> new Interpreter(in.run, branches.get(i), group, start).execute(input));
        RuntimeException failure = Concurrent.firstFailure(results);
        if (failure != null) {
            throw failure;
        }
        for (Object r : results) {
            out.add((JsonNode) r);
        }
        return out;
    }

    static com.fasterxml.jackson.databind.node.ObjectNode errorDetails(StatesErrorException e) {
        var d = Json.object();
        if (e.error() != null) {
            d.put("error", e.error());
        }
        if (e.cause() != null) {
            d.put("cause", e.cause());
        }
        return d;
    }
}
