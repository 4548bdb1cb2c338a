package dev.clipflow.pipeline;

/**
 * Starts executions of the video pipeline state machine (port). Step Functions in AWS; an
 * in-memory fake in tests until a local Step Functions endpoint exists.
 *
 * <p>Execution names are the idempotency key: starting a name that was already used (within the
 * 90 days AWS keeps names) starts nothing and reports {@link ExecutionStart#alreadyStarted()},
 * whatever that execution's state or input. Failures that may pass on retry (throttling, an
 * unavailable service) are thrown as {@link TransientStageException}.
 */
public interface ExecutionStarter {

    /**
     * Starts one execution.
     *
     * @param name      the execution name: 1 to 80 characters of {@code A-Za-z0-9-_}
     * @param inputJson the execution input, a JSON object
     */
    ExecutionStart start(String name, String inputJson);
}
