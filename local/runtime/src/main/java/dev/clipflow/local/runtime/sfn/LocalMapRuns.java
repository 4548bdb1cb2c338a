package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.ChildExecution;
import dev.clipflow.local.asl.eval.MapRun;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Map Runs of the executions {@link LocalStepFunctions} runs, and their child executions: ListMapRuns,
 * DescribeMapRun, ListExecutions by {@code mapRunArn}, and the lookups that let DescribeExecution,
 * GetExecutionHistory and StopExecution take a child's ARN. Map Runs are found where the engine keeps them
 * (each execution's {@code LiveExecution.mapRuns()}, nested through children), so there is no second registry.
 */
final class LocalMapRuns {

    private final Supplier<Collection<ExecutionRecord>> executions;

    LocalMapRuns(Supplier<Collection<ExecutionRecord>> executions) {
        this.executions = executions;
    }

    ObjectNode listMapRuns(JsonNode req) {
        String arn = SfnRequests.required(req, "executionArn");
        List<MapRun> runs = executions.get().stream().filter(e -> e.arn.equals(arn)).findFirst()
                .map(e -> e.live.mapRuns())
                .or(() -> child(arn).map(ChildExecution::mapRuns))
                .orElseThrow(() -> SfnRequests.noExecution(arn));
        return SfnRequests.page(req, runs, "mapRuns", MapRunJson::listItem);
    }

    ObjectNode describeMapRun(JsonNode req) {
        return MapRunJson.describe(mapRun(SfnRequests.required(req, "mapRunArn")));
    }

    /** ListExecutions with {@code mapRunArn}: the Map Run's child executions, newest first. */
    ObjectNode listChildExecutions(JsonNode req, String statusFilter) {
        MapRun run = mapRun(SfnRequests.required(req, "mapRunArn"));
        List<ChildExecution> children = run.children().stream()
                .filter(c -> statusFilter == null || statusFilter.equals(c.status().name()))
                .sorted(Comparator.comparing(ChildExecution::startDate).reversed()).toList();
        return SfnRequests.page(req, children, "executions", MapRunJson::listItem);
    }

    MapRun mapRun(String arn) {
        return allMapRuns().filter(m -> m.arn().equals(arn)).findFirst().orElseThrow(() -> {
            if (!arn.startsWith("arn:aws:states:") || !arn.contains(":mapRun:")) {
                return new SfnErrorException("InvalidArn", "Invalid Arn: '" + arn + "'");
            }
            return new SfnErrorException("ResourceNotFound", "Resource not found: '" + arn + "'");
        });
    }

    /** A child execution of any Map Run, at any depth. */
    Optional<ChildExecution> child(String arn) {
        return allMapRuns().flatMap(m -> m.children().stream()).filter(c -> c.arn().equals(arn)).findFirst();
    }

    private Stream<MapRun> allMapRuns() {
        Deque<MapRun> todo = new ArrayDeque<>();
        executions.get().forEach(e -> todo.addAll(e.live.mapRuns()));
        Stream.Builder<MapRun> all = Stream.builder();
        while (!todo.isEmpty()) {
            MapRun m = todo.poll();
            all.add(m);
            m.children().forEach(c -> todo.addAll(c.mapRuns()));
        }
        return all.build();
    }
}
