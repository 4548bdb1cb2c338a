package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.DistributedMapConfig;
import dev.clipflow.local.asl.model.MapState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Map Run of a Distributed Map state (one attempt): every item, or batch of items, runs as a child execution
 * of the item processor, at most MaxConcurrency at once (up to 10,000; the inline limit of 40 does not apply).
 * A child that fails, times out or is aborted counts its items against the tolerated failure threshold; once
 * exceeded, no further child starts, the running ones are aborted and the state fails with
 * {@code States.ExceedToleratedFailureThreshold}. The parent records MapRunStarted then MapRunSucceeded,
 * MapRunFailed or MapRunAborted, and no iteration events (AWS-recorded sequence).
 */
final class DistributedMapRunner {

    private final Interpreter in;
    private final Run run;

    DistributedMapRunner(Interpreter in) {
        this.in = in;
        this.run = in.run;
    }

    /** Runs the Map Run; on success leaves {@code in.prev} at MapRunSucceeded and returns the results. */
    ArrayNode run(MapState m, JsonNode items, JsonNode effective, int retryCount, int maxConcurrency,
                  ToleratedFailures tolerance, Scope scope) {
        DistributedMapConfig config = m.distributed();
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            selected.add(MapRunner.select(run, m, i, items.get(i), effective, retryCount, scope));
        }
        List<ItemBatches.Unit> units = ItemBatches.of(selected, config.itemBatcher(), effective, run, m.name(),
                retryCount, scope);
        String labelOrUuid = config.label() != null ? config.label() : UUID.randomUUID().toString();
        String labelledMachine = run.identity.child(labelOrUuid, "").stateMachineArn();
        MapRun mapRun = new MapRun(run.identity.mapRunArn(labelOrUuid, UUID.randomUUID().toString()),
                run.identity.executionArn(), labelledMachine, run.clock.now(), maxConcurrency,
                tolerance.count() == null ? 0 : tolerance.count().longValue(),
                tolerance.percentage() == null ? 0 : tolerance.percentage().doubleValue(), items.size(),
                units.size());
        run.mapRuns.add(mapRun);
        in.prev = run.event("MapRunStarted", in.prev,
                run.recording ? Json.object().put("mapRunArn", mapRun.arn()) : null);

        Cancellation group = in.cancel.child();
        AtomicLong failedItems = new AtomicLong();
        int limit = maxConcurrency == 0 ? DistributedMapConfig.MAX_CONCURRENCY_LIMIT
                : Math.min(maxConcurrency, DistributedMapConfig.MAX_CONCURRENCY_LIMIT);
        Object[] results = Concurrent.run(units.size(), Math.max(1, limit), group, e -> e instanceof ChildFailed f
                && (f.child.status() != ExecutionStatus.ABORTED || !group.isCancelled())
                && tolerance.exceeded(failedItems.addAndGet(f.child.itemCount()), items.size()),
                i -> child(m, units.get(i), labelOrUuid, mapRun, group));

        if (in.cancel.isCancelled()) {
            in.prev = run.event("MapRunAborted", in.prev, null);
            mapRun.finish(MapRun.Status.ABORTED, run.clock.now());
            throw new Cancellation.CancelledException();
        }
        if (tolerance.exceeded(failedItems.get(), items.size())) {
            StatesErrorException e = ToleratedFailures.thresholdExceeded();
            in.prev = run.event("MapRunFailed", in.prev, run.recording ? ParallelRunner.errorDetails(e) : null);
            mapRun.finish(MapRun.Status.FAILED, run.clock.now());
            throw e;
        }
        in.prev = run.event("MapRunSucceeded", in.prev, null);
        mapRun.finish(MapRun.Status.SUCCEEDED, run.clock.now());
        ArrayNode out = Json.array();
        for (Object r : results) {
            if (r instanceof JsonNode node) {
                out.add(node);
            } else if (r instanceof ChildFailed f) {
                out.add(f.child.failureEntry());
            } else {
                throw (RuntimeException) r;
            }
        }
        return out;
    }

    private JsonNode child(MapState m, ItemBatches.Unit unit, String labelOrUuid, MapRun mapRun, Cancellation group) {
        ChildExecution child = new ChildExecution(run.identity.child(labelOrUuid, UUID.randomUUID().toString()),
                mapRun.arn(), unit.input(), unit.itemCount(), run.recording, group, run.clock.now());
        mapRun.started(child);
        child.run(m.processor(), run.invoker, run.clock);
        mapRun.closed(child);
        if (child.status() != ExecutionStatus.SUCCEEDED) {
            throw new ChildFailed(child);
        }
        return child.output();
    }

    /** A child that did not succeed, as a unit failure for {@link Concurrent}. */
    static final class ChildFailed extends RuntimeException {
        final transient ChildExecution child;

        ChildFailed(ChildExecution child) {
            super(child.arn() + " " + child.status(), null, false, false);
            this.child = child;
        }
    }
}
