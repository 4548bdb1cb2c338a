package dev.clipflow.local.asl.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.task.TaskFailedException;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.asl.task.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers Task states from mocked responses, counting invocations per state (retries and Map iterations
 * included). Past the last range, the last response repeats.
 */
public final class MockTaskInvoker implements TaskInvoker {

    private final Map<String, List<MockedResponse>> byState;
    private final TaskInvoker fallback;
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    MockTaskInvoker(Map<String, List<MockedResponse>> byState, TaskInvoker fallback) {
        this.byState = Map.copyOf(byState);
        this.fallback = fallback;
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        List<MockedResponse> responses = byState.get(request.stateName());
        if (responses == null) {
            return fallback.invoke(request);
        }
        int n = counters.computeIfAbsent(request.stateName(), k -> new AtomicInteger()).getAndIncrement();
        MockedResponse chosen = responses.get(responses.size() - 1);
        for (MockedResponse r : responses) {
            if (r.covers(n)) {
                chosen = r;
                break;
            }
        }
        if (chosen.value() == null) {
            throw new TaskFailedException(chosen.error(), chosen.cause());
        }
        return chosen.value();
    }
}
