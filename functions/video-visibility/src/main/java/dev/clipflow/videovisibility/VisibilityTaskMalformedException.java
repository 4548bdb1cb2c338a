package dev.clipflow.videovisibility;

/** Thrown when a step's input names no known step, no valid video id or no change time; nothing is changed. */
public class VisibilityTaskMalformedException extends RuntimeException {
    public VisibilityTaskMalformedException(String message) {
        super(message);
    }
}
