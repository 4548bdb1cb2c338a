package dev.clipflow.probe;

/** Thrown when the probe task's input lacks a valid video id or source object. Permanent. */
public class ProbeInputMalformedException extends RuntimeException {
    public ProbeInputMalformedException(String message) {
        super(message);
    }
}
