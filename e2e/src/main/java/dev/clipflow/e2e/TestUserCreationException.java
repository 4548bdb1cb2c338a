package dev.clipflow.e2e;

/** Thrown when a test user cannot be created or signed in. */
public final class TestUserCreationException extends RuntimeException {
    public TestUserCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
