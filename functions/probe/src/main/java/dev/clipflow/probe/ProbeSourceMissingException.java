package dev.clipflow.probe;

/** Thrown when the uploaded object named by the input no longer exists (deleted, or never completed). Permanent. */
public class ProbeSourceMissingException extends RuntimeException {
    public ProbeSourceMissingException(String message) {
        super(message);
    }
}
