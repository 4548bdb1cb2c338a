package dev.clipflow.e2e;

import java.nio.file.Path;

/**
 * Thrown when the template to deploy names an artifact that was not built (a function zip, the ffmpeg layer, or
 * {@code sam build}'s template itself).
 */
public final class DeployArtifactMissingException extends RuntimeException {
    public DeployArtifactMissingException(Path file) {
        super("The template names " + file + ", which does not exist: build it first (./mvnw -B -DskipTests "
                + "package for the function zips, then sam build for the ffmpeg layer and "
                + ".aws-sam/build/template.yaml)");
    }
}
