package dev.clipflow.local.runtime.demo;

/** Thrown when the demo cannot go on: an API call refused, the upload failed, no execution started. */
public class DemoFailedException extends RuntimeException {

    public DemoFailedException(String message) {
        super(message);
    }
}
