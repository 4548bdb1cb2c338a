package dev.clipflow.local.asl.task;

/**
 * Thrown by a {@link TaskInvoker} when a task fails; {@code error} is the name Retry and Catch match
 * (for example {@code Lambda.ResourceNotFoundException} or a function's {@code errorType}).
 */
public class TaskFailedException extends RuntimeException {

    private final String error;
    private final String cause;

    public TaskFailedException(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
