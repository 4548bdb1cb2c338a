package dev.clipflow.videodeletion;

/** Thrown when a step's input names no known step or no valid video id; nothing is changed. */
public class DeletionTaskMalformedException extends RuntimeException {
    public DeletionTaskMalformedException(String message) {
        super(message);
    }
}
