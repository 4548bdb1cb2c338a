package dev.clipflow.local.runtime.function;

/** Thrown by {@link FunctionHost#warmUp()} when a function's handler cannot be constructed. */
public class FunctionInitException extends RuntimeException {

    public FunctionInitException(String function, Throwable cause) {
        super("Function " + function + " failed to initialise: " + cause, cause);
    }
}
