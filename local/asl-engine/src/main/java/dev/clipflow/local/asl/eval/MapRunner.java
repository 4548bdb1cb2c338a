package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.MapState;
import dev.clipflow.local.asl.path.PathNotFoundException;
import dev.clipflow.local.asl.path.ReferencePath;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Map state: ItemsPath, MaxConcurrency and the tolerated failure threshold, MapStateStarted and
 * MapStateSucceeded/Failed around the items' runs, then ResultSelector, ResultPath and OutputPath. In INLINE mode
 * the items run here as iterations of this execution (at most 40 at once); in DISTRIBUTED mode as a Map Run of
 * child executions ({@link DistributedMapRunner}). Inline without a threshold, the first failing iteration fails
 * the state and cancels the others; with one, failed iterations give {@code null} results until it is exceeded.
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
                    : maxConcurrency(m.maxConcurrencyPath(), effective, scope);
            ToleratedFailures tolerance = ToleratedFailures.resolve(m, effective, scope);
            ObjectNode started = in.details();
            if (started != null) {
                started.put("length", items.size());
            }
            in.prev = run.event("MapStateStarted", in.prev, started);
            ArrayNode results;
            try {
                results = m.distributed() == null ? iterations(m, items, effective, retryCount, max, tolerance)
                        : new DistributedMapRunner(in).run(m, items, effective, retryCount, max, tolerance, scope);
            } catch (StatesErrorException e) {
                in.prev = run.event("MapStateFailed", in.prev, ParallelRunner.errorDetails(e));
                throw e;
            }
            long last = in.prev;
            long succeeded = run.event("MapStateSucceeded", last, null);
            // AWS records MapStateExited after the Map Run's last event, not after MapStateSucceeded
            in.prev = m.distributed() == null ? succeeded : last;
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
                                 ToleratedFailures tolerance) {
        Cancellation group = in.cancel.child();
        long start = in.prev;
        int n = items.size();
        boolean tolerant = tolerance.declared();
        AtomicLong failures = new AtomicLong();
        Object[] results;
        int workers = Math.min(max == 0 ? Concurrent.INLINE_MAP_LIMIT : max, Concurrent.INLINE_MAP_LIMIT);
        if (workers == 1 || n <= 1) {
            results = new Object[n];
            for (int i = 0; i < n; i++) {
                try {
                    results[i] = iteration(m, i, items.get(i), effective, retryCount, group, start);
                } catch (StatesErrorException e) {
                    results[i] = e;
                    if (!tolerant || e.fatal() || tolerance.exceeded(failures.incrementAndGet(), n)) {
                        break;
                    }
                }
            }
        } else {
            results = Concurrent.run(n, workers, group, e -> !tolerant || !(e instanceof StatesErrorException se)
                    || se.fatal() || tolerance.exceeded(failures.incrementAndGet(), n),
                    i -> iteration(m, i, items.get(i), effective, retryCount, group, start));
        }
        ArrayNode out = Json.array();
        int failed = 0;
        boolean cancelled = false;
        for (Object r : results) {
            if (r instanceof JsonNode node) {
                out.add(node);
            } else if (r == null || r instanceof Cancellation.CancelledException) {
                cancelled = true;
            } else if (tolerant && r instanceof StatesErrorException se && !se.fatal()) {
                failed++;
                out.addNull();
            } else {
                throw (RuntimeException) r;
            }
        }
        if (tolerance.exceeded(failed, n)) {
            throw ToleratedFailures.thresholdExceeded();
        }
        if (cancelled) {
            throw new Cancellation.CancelledException();
        }
        return out;
    }

    private JsonNode iteration(MapState m, int index, JsonNode item, JsonNode effective, int retryCount,
                               Cancellation group, long start) {
        long id = run.event("MapIterationStarted", start, iterationDetails(m, index));
        JsonNode itemInput = select(run, m, index, item, effective, retryCount, new Scope(m.name(), start,
                () -> run.context(m.name(), retryCount, null, null)));
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

    /** One item's input: ItemSelector applied with {@code $$.Map.Item.Index} and {@code Value}, or the item. */
    static JsonNode select(Run run, MapState m, int index, JsonNode item, JsonNode effective, int retryCount,
                           Scope scope) {
        if (m.itemSelector() == null) {
            return item;
        }
        return DataFlow.template(m.itemSelector(), effective,
                () -> run.context(m.name(), retryCount, Json.NODES.numberNode(index), item), scope);
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

    /**
     * A MaxConcurrencyPath value: an integer (a JSON number, or a string holding one) of at least 0. The causes
     * are AWS's as LocalStack reproduces them (its map_state max_concurrency_path.py, checked by its AWS-validated
     * Map tests); a path that selects nothing keeps the engine's own text.
     */
    static int maxConcurrency(ReferencePath path, JsonNode effective, Scope scope) {
        JsonNode v = scope.find(path, effective);
        if (v == null) {
            throw scope.runtime("The value at the path '" + path.text() + "' must be a non-negative number.");
        }
        BigInteger n = null;
        if (v.isIntegralNumber()) {
            n = v.bigIntegerValue();
        } else if (v.isTextual() && v.textValue().matches("-?[0-9]{1,18}")) {
            n = new BigInteger(v.textValue());
        }
        if (n == null || n.bitLength() > 31) {
            throw scope.runtime("The MaxConcurrencyPath field refers to value \"" + (v.isTextual() ? v.textValue()
                    : Json.write(v)) + "\" which is not a valid integer: " + path.text());
        }
        if (n.signum() < 0) {
            throw scope.runtime("Expected non-negative integer for MaxConcurrency, got '" + n + "' instead.");
        }
        return n.intValue();
    }

    private static JsonNode items(MapState m, JsonNode effective, Scope scope) {
        JsonNode items;
        try {
            items = m.itemsPath().read(scope.root(m.itemsPath(), effective));
        } catch (PathNotFoundException e) {
            throw scope.runtime("Invalid path '" + m.itemsPath().text() + "' : " + e.getMessage());
        }
        if (!items.isArray()) {
            throw scope.runtime("Invalid path '" + m.itemsPath().text() + "': The ItemsPath field must reference"
                    + " a JSON array, but was " + Json.typeName(items) + ".");
        }
        return items;
    }
}
