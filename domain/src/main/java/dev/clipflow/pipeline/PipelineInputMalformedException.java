package dev.clipflow.pipeline;

/**
 * Thrown when a pipeline step's input is not one it can read (no valid video id, an unknown schema version).
 * Permanent: retrying the same input fails the same way; the state machine's Catch cleans the video up.
 */
public class PipelineInputMalformedException extends RuntimeException {
    public PipelineInputMalformedException(String message) {
        super(message);
    }
}
