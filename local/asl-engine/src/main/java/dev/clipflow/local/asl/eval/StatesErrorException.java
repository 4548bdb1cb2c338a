package dev.clipflow.local.asl.eval;

/**
 * An ASL error travelling through the engine: its name ({@code States.Timeout}, {@code Lambda.Unknown}, a
 * function's error type) and cause. Thrown by states and task invokers; matched by Retry and Catch.
 */
public class StatesErrorException extends RuntimeException {

    private final String error;
    private final String cause;
    private final boolean terminal;

    /**
     * @param error the error name, {@code null} only for a Fail state without Error
     * @param cause the cause text, may be {@code null}
     */
    public StatesErrorException(String error, String cause) {
        this(error, cause, false);
    }

    private StatesErrorException(String error, String cause, boolean terminal) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = error;
        this.cause = cause;
        this.terminal = terminal;
    }

    /**
     * An error that, like {@code States.Runtime}, no Retry or Catch handles: AWS's guide says {@code States.ALL}
     * "can't catch the States.DataLimitExceeded terminal error type" (a state's input or output over the limit).
     */
    static StatesErrorException terminal(String error, String cause) {
        return new StatesErrorException(error, cause, true);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /** {@code States.Runtime} and terminal errors fail the execution: neither retried nor caught (AWS guide). */
    public boolean fatal() {
        return terminal || ErrorNames.RUNTIME.equals(error);
    }
}
