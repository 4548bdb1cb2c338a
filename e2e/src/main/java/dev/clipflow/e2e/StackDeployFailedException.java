package dev.clipflow.e2e;

/** Thrown when the stack does not reach CREATE_COMPLETE in LocalStack. */
public final class StackDeployFailedException extends RuntimeException {
    public StackDeployFailedException(String stack, String status, String reasons) {
        super("Stack " + stack + " ended " + status + ": " + reasons);
    }
}
