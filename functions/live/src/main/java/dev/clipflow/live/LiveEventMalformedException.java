package dev.clipflow.live;

/** An event the live functions cannot read (a route they do not serve, a foreign event); the message says why. */
public final class LiveEventMalformedException extends RuntimeException {
    public LiveEventMalformedException(String message) {
        super(message);
    }
}
