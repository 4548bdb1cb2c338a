package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.MapState;
import dev.clipflow.local.asl.path.PathNotFoundException;
import dev.clipflow.local.asl.path.ReferencePath;
import java.math.BigDecimal;

/**
 * The inline Map state: one ItemProcessor run per item of ItemsPath, at most MaxConcurrency at once, results in
 * item order. Without a tolerated failure threshold the first failing iteration fails the state and cancels the
 * others; with one, failed iterations give {@code null} results until the threshold is exceeded.
 */
final class MapRunner {

    private final Interpreter in;
    private final Run run;

    MapRunner(Interpreter in) {
        this.in = in;
        this.run = in.run;
    }

    Step run(MapState m, JsonNode input, Scope scope) {
        JsonNode effective = DataFlow.select(m.io().inputPath(), input, scope);
        return Recovery.run(in, m.retry(), m.catchers(), input, retryCount -> {
            JsonNode items = items(m, effective, scope);
            int max = m.maxConcurrencyPath() == null ? m.maxConcurrency()
                    : nonNegative(m.maxConcurrencyPath(), effective, scope).intValue();
            BigDecimal count = m.toleratedFailureCountPath() != null
                    ? nonNegative(m.toleratedFailureCountPath(), effective, scope)
                    : m.toleratedFailureCount() == null ? null : BigDecimal.valueOf(m.toleratedFailureCount());
            BigDecimal pct = m.toleratedFailurePercentagePath() != null
                    ? nonNegative(m.toleratedFailurePercentagePath(), effective, scope)
                    : m.toleratedFailurePercentage();
            boolean tolerant = count != null || pct != null;
            ObjectNode started = in.details();
            if (started != null) {
                started.put("length", items.size());
            }
            in.prev = run.event("MapStateStarted", in.prev, started);
            ArrayNode results;
            try {
                results = iterations(m, items, effective, retryCount, max, tolerant, count, pct);
            } catch (StatesErrorException e) {
                in.prev = run.event("MapStateFailed", in.prev, ParallelRunner.errorDetails(e));
                throw e;
            }
            in.prev = run.event("MapStateSucceeded", in.prev, null);
            JsonNode result = results;
            if (m.io().resultSelector() != null) {
                result = DataFlow.template(m.io().resultSelector(), result, () -> in.context(scope, retryCount),
                        scope);
            }
            JsonNode out = DataFlow.resultPath(m.io().resultPath(), input, result);
            return new Step(m.next(), DataFlow.select(m.io().outputPath(), out, scope));
        });
    }

    private ArrayNode iterations(MapState m, JsonNode items, JsonNode effective, int retryCount, int max,
                                 boolean tolerant, BigDecimal count, BigDecimal pct) {
        Cancellation group = in.cancel.child();
        long start = in.prev;
        int n = items.size();
        Object[] results;
        int workers = Math.min(max == 0 ? Concurrent.INLINE_MAP_LIMIT : max, Concurrent.INLINE_MAP_LIMIT);
        if (workers == 1 || n <= 1) {
            results = new Object[n];
            for (int i = 0; i < n; i++) {
                try {
                    results[i] = iteration(m, i, items.get(i), effective, retryCount, group, start);
                } catch (StatesErrorException e) {
                    results[i] = e;
                    if (!tolerant || e.fatal()) {
                        throw e;
                    }
                }
            }
        } else {
            results = Concurrent.run(n, workers, group, !tolerant,
                    i -> iteration(m, i, items.get(i), effective, retryCount, group, start));
        }
        ArrayNode out = Json.array();
        int failures = 0;
        for (Object r : results) {
            if (r instanceof JsonNode node) {
                out.add(node);
            } else {
                RuntimeException e = (RuntimeException) r;
                if (!tolerant || (e instanceof StatesErrorException se && se.fatal())
                        || !(e instanceof StatesErrorException)) {
                    throw Concurrent.firstFailure(results);
                }
                failures++;
                out.addNull();
            }
        }
        if (failures > 0 && (count != null && BigDecimal.valueOf(failures).compareTo(count) > 0
                || pct != null && BigDecimal.valueOf(failures * 100L).compareTo(pct.multiply(BigDecimal.valueOf(n))) > 0)) {
            throw new StatesErrorException(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The specified tolerated failure threshold was exceeded");
        }
        return out;
    }

    private JsonNode iteration(MapState m, int index, JsonNode item, JsonNode effective, int retryCount,
                               Cancellation group, long start) {
        long id = run.event("MapIterationStarted", start, iterationDetails(m, index));
        JsonNode itemInput = item;
        if (m.itemSelector() != null) {
            Scope scope = new Scope(m.name(), start);
            itemInput = DataFlow.template(m.itemSelector(), effective,
                    () -> run.context(m.name(), retryCount, Json.NODES.numberNode(index), item), scope);
        }
        Interpreter iteration = new Interpreter(run, m.processor(), group, id);
        try {
            JsonNode out = iteration.execute(itemInput);
            run.event("MapIterationSucceeded", iteration.prev, iterationDetails(m, index));
            return out;
        } catch (StatesErrorException e) {
            run.event("MapIterationFailed", iteration.prev, iterationDetails(m, index));
            throw e;
        } catch (Cancellation.CancelledException e) {
            run.event("MapIterationAborted", iteration.prev, iterationDetails(m, index));
            throw e;
        }
    }

    private ObjectNode iterationDetails(MapState m, int index) {
        if (!run.recording) {
            return null;
        }
        ObjectNode d = Json.object();
        d.put("name", m.name());
        d.put("index", index);
        return d;
    }

    private static JsonNode items(MapState m, JsonNode effective, Scope scope) {
        JsonNode items;
        try {
            items = m.itemsPath().read(effective);
        } catch (PathNotFoundException e) {
            throw scope.runtime("Invalid path '" + m.itemsPath().text() + "' : " + e.getMessage());
        }
        if (!items.isArray()) {
            throw scope.runtime("Invalid path '" + m.itemsPath().text() + "': The ItemsPath field must reference"
                    + " a JSON array, but was " + Json.typeName(items) + ".");
        }
        return items;
    }

    private static BigDecimal nonNegative(ReferencePath path, JsonNode effective, Scope scope) {
        JsonNode v = path.find(effective);
        if (v == null || !v.isNumber() || v.decimalValue().signum() < 0) {
            throw scope.runtime("The value at the path '" + path.text() + "' must be a non-negative number.");
        }
        return v.decimalValue();
    }
}
