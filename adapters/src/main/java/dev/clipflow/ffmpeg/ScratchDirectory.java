package dev.clipflow.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private folder under {@code WORK_DIR} (default {@code /tmp}) for one invocation, deleted with
 * everything in it on {@link #close()}. Lambda keeps {@code /tmp} between invocations of a warm
 * instance, so a stage that leaves files behind fills it up.
 */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    public static ScratchDirectory create(String workDir, String label) {
        Path root = Path.of(workDir == null || workDir.isBlank() ? System.getProperty("java.io.tmpdir") : workDir);
        try {
            Files.createDirectories(root);
            return new ScratchDirectory(Files.createTempDirectory(root, "clipflow-" + label + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder under " + root, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Bytes free on the scratch file system. */
    public long usableSpace() {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // Already gone or unreadable: nothing more to free.
        }
    }
}
