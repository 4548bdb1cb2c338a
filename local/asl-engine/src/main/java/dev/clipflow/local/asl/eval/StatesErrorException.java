package dev.clipflow.local.asl.eval;

/**
 * An ASL error travelling through the engine: its name ({@code States.Timeout}, {@code Lambda.Unknown}, a
 * function's error type) and cause. Thrown by states and task invokers; matched by Retry and Catch.
 */
public class StatesErrorException extends RuntimeException {

    private final String error;
    private final String cause;

    /**
     * @param error the error name, {@code null} only for a Fail state without Error
     * @param cause the cause text, may be {@code null}
     */
    public StatesErrorException(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /** {@code States.Runtime} fails the execution: it is neither retried nor caught (AWS developer guide). */
    public boolean fatal() {
        return ErrorNames.RUNTIME.equals(error);
    }
}
