package dev.clipflow.local.asl.eval;

/**
 * Per-execution settings; names feed the context object ({@code $$.Execution.Id}, ...).
 *
 * @param history whether to keep history events (ids are assigned either way)
 */
public record ExecutionOptions(String stateMachineName, String executionName, String region, String account,
                               boolean history) {

    public static ExecutionOptions defaults() {
        return new ExecutionOptions("LocalStateMachine", "local-execution", "us-east-1", "123456789012", false);
    }

    public ExecutionOptions withHistory(boolean keep) {
        return new ExecutionOptions(stateMachineName, executionName, region, account, keep);
    }

    public ExecutionOptions withStateMachineName(String name) {
        return new ExecutionOptions(name, executionName, region, account, history);
    }
}
