package dev.clipflow.subscription;

/** Thrown when the subscription task's input has no usable video id or an unknown schema version. Permanent. */
public class SubscriptionInputMalformedException extends RuntimeException {
    public SubscriptionInputMalformedException(String message) {
        super(message);
    }
}
