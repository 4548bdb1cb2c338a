package dev.clipflow.local.runtime.function;

/**
 * Thrown by {@link FunctionHost#invoke(byte[])} when the function already runs as many invocations as its reserved
 * concurrency allows (or it is 0): Lambda's Invoke answers 429 {@code TooManyRequestsException} (reason
 * {@code ReservedFunctionConcurrentInvocationLimitExceeded}) and the function does not run. The state machine sees
 * {@code Lambda.TooManyRequestsException}; the HTTP API answers 500, as API Gateway does for a throttled integration.
 */
public class FunctionThrottledException extends RuntimeException {

    private final String function;

    public FunctionThrottledException(String function, int reservedConcurrency) {
        super("Rate Exceeded: " + function + " is running its reserved concurrency of " + reservedConcurrency
                + " invocations (ReservedFunctionConcurrentInvocationLimitExceeded)");
        this.function = function;
    }

    public String function() {
        return function;
    }
}
