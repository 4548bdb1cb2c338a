package dev.clipflow.e2e;

/** Thrown when {@code e2e.target} names no target: the run fails instead of skipping everything. */
public final class E2eTargetUnknownException extends RuntimeException {
    public E2eTargetUnknownException(String value) {
        super("Unknown e2e.target '" + value + "': use local, localstack, localstack-community or aws");
    }
}
