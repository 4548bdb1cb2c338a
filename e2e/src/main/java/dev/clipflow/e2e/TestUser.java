package dev.clipflow.e2e;

import java.util.Map;

/**
 * A user the suite acts as.
 *
 * @param name unique per run (the Cognito user name, or the local development identity)
 * @param headers what every API request of this user carries (Authorization, or the local identity header)
 */
public record TestUser(String name, Map<String, String> headers) {
    public TestUser {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "TestUser[" + name + "]";
    }
}
