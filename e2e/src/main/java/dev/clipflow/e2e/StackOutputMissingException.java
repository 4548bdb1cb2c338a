package dev.clipflow.e2e;

import java.util.Set;
import java.util.TreeSet;

/** Thrown when a stack lacks an Output the suite needs (an old deployment, or another template). */
public final class StackOutputMissingException extends RuntimeException {
    public StackOutputMissingException(String key, Set<String> present) {
        super("The stack has no output '" + key + "' (it has " + new TreeSet<>(present)
                + "); deploy the current template.yaml");
    }
}
