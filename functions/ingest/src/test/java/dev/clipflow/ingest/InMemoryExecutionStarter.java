package dev.clipflow.ingest;

import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionStarter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fake of our {@link ExecutionStarter} port that models Step Functions' name idempotency
 * (StartExecution, Standard workflows): a new name starts an execution; the same name with the
 * same input while it runs answers the same execution; any other reuse of a name is
 * ExecutionAlreadyExists, which the real adapter reports as already started.
 */
final class InMemoryExecutionStarter implements ExecutionStarter {
    static final String STATE_MACHINE_ARN =
            "arn:aws:states:us-east-1:111122223333:stateMachine:clipflow-test-video-pipeline";

    private final Map<String, String> inputsByName = new LinkedHashMap<>();

    @Override
    public synchronized ExecutionStart start(String name, String inputJson) {
        if (!name.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new IllegalArgumentException("InvalidName: " + name);
        }
        String arn = STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":" + name;
        String existing = inputsByName.putIfAbsent(name, inputJson);
        if (existing == null) {
            return new ExecutionStart(arn, false);
        }
        if (existing.equals(inputJson)) {
            return new ExecutionStart(arn, false);
        }
        return new ExecutionStart(arn, true);
    }

    synchronized Map<String, String> executions() {
        return Map.copyOf(inputsByName);
    }
}
