package dev.clipflow.e2e;

import java.nio.file.Path;

/** Thrown when template.yaml names an artifact that was not built (a function zip, the ffmpeg layer). */
public final class DeployArtifactMissingException extends RuntimeException {
    public DeployArtifactMissingException(Path file) {
        super("template.yaml names " + file + ", which does not exist: build it first (./mvnw -B package "
                + "-DskipTests for the function zips, layers/ffmpeg/build.sh for the layer)");
    }
}
