package dev.clipflow.cleanup;

/** Thrown when the cleanup input has no valid video id (a state machine wiring error). Permanent. */
public class CleanupInputMalformedException extends RuntimeException {
    public CleanupInputMalformedException(String message) {
        super(message);
    }
}
