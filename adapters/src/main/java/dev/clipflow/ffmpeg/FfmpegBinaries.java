package dev.clipflow.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the ffmpeg and ffprobe executables are: {@code FFMPEG_PATH} / {@code FFPROBE_PATH} when set,
 * else {@code /opt/bin/ffmpeg} / {@code /opt/bin/ffprobe} when they exist (the Lambda layer mounts
 * there), else {@code ffmpeg} / {@code ffprobe} on the {@code PATH}. Tests and the local runtime set
 * the two as system properties (dev.clipflow.testing.media.LocalFfmpeg: the layer's release, fetched).
 */
public record FfmpegBinaries(String ffmpeg, String ffprobe) {
    static final Path LAYER_BIN = Path.of("/opt/bin");

    public FfmpegBinaries {
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
    }

    /** From the environment variables, else the system properties of the same names. */
    public static FfmpegBinaries fromEnvironment() {
        return from(name -> {
            String env = System.getenv(name);
            return env == null || env.isBlank() ? System.getProperty(name) : env;
        });
    }

    public static FfmpegBinaries from(UnaryOperator<String> config) {
        return new FfmpegBinaries(resolve(config.apply("FFMPEG_PATH"), "ffmpeg"),
                resolve(config.apply("FFPROBE_PATH"), "ffprobe"));
    }

    private static String resolve(String configured, String name) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path layer = LAYER_BIN.resolve(name);
        return Files.isExecutable(layer) ? layer.toString() : name;
    }
}
