package dev.clipflow.publish;

/**
 * Thrown when the publish task's input lacks the video id, the probe result or the transcode
 * result (a state machine wiring error). Permanent.
 */
public class PublishInputMalformedException extends RuntimeException {
    public PublishInputMalformedException(String message) {
        super(message);
    }
}
