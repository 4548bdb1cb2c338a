package dev.clipflow.stitch;

/** Thrown when the stitch task's input lacks a valid video id or a probe result with a chunked plan. Permanent. */
public class StitchInputMalformedException extends RuntimeException {
    public StitchInputMalformedException(String message) {
        super(message);
    }
}
