package dev.clipflow.transcode;

/** Thrown when the transcode task's input lacks a valid video id, source, or probe result with a ladder. Permanent. */
public class TranscodeInputMalformedException extends RuntimeException {
    public TranscodeInputMalformedException(String message) {
        super(message);
    }
}
