package dev.clipflow.e2e;

import java.util.Map;
import java.util.UUID;

/**
 * Local test users: the local runtime's HTTP API checks no token; the header {@code X-Clipflow-Dev-User} names
 * the caller (its value becomes the {@code sub} and {@code username} claims). Nothing to delete.
 */
public final class DevIdentityUsers implements TestUsers {

    /** The header the local runtime documents ({@code LocalHttpApi.USER_HEADER}). */
    public static final String HEADER = "X-Clipflow-Dev-User";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Override
    public TestUser create(String label) {
        String name = "e2e-" + label + "-" + run;
        return new TestUser(name, Map.of(HEADER, name));
    }

    @Override
    public void close() {
        // nothing was created anywhere
    }
}
