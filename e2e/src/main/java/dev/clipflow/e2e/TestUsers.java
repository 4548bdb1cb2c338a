package dev.clipflow.e2e;

/** How a target authenticates test users. {@link #close()} removes the users it created. */
public interface TestUsers extends AutoCloseable {

    /**
     * Creates a user whose name starts with {@code label} and is unique per run.
     *
     * @throws TestUserCreationException when the identity provider refuses
     */
    TestUser create(String label);

    /** Deletes every user this instance created (best effort; failures are printed, not thrown). */
    @Override
    void close();
}
