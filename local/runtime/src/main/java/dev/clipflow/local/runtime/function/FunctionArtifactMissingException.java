package dev.clipflow.local.runtime.function;

import java.nio.file.Path;

/**
 * Thrown when a function's deployment zip does not exist (build it: {@code ./mvnw -pl functions/<name> -am package}).
 */
public class FunctionArtifactMissingException extends RuntimeException {

    public FunctionArtifactMissingException(String function, Path zip) {
        super("The artifact of function " + function + " does not exist: " + zip
                + " (build it with ./mvnw -B -DskipTests package)");
    }
}
