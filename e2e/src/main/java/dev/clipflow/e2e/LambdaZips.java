package dev.clipflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Zips for Lambda that keep Unix modes (the JDK's zip file system writes them; an executable without its x bit
 * cannot run): a folder zipped as {@code sam deploy} zips a built layer, and a function zip with a layer's content
 * added at its root, for a Lambda without layers (the LocalStack community image), where Lambda extracts the zip to
 * {@code /var/task}, so the layer's {@code bin/ffmpeg} runs as {@code /var/task/bin/ffmpeg}.
 */
public final class LambdaZips {

    private LambdaZips() {
    }

    /** Zips every file under {@code dir} (paths relative to it, modes kept) into {@code out}. */
    public static Path ofDirectory(Path dir, Path out) {
        try {
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            try (FileSystem fs = FileSystems.newFileSystem(out, Map.of("create", "true",
                    "enablePosixFileAttributes", "true"));
                 java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path entry = fs.getPath("/").resolve(dir.relativize(f).toString().replace('\\', '/'));
                    if (entry.getParent() != null) {
                        Files.createDirectories(entry.getParent());
                    }
                    Files.copy(f, entry);
                    Files.setPosixFilePermissions(entry,
                            PosixFilePermissions.fromString(Files.isExecutable(f) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot zip " + dir + " into " + out, e);
        }
    }

    /**
     * Copies {@code zip} to {@code out} and adds {@code binaries} (name in the zip to file) with mode 0755.
     *
     * @throws DeployArtifactMissingException when the zip or a binary does not exist
     */
    public static Path withBinaries(Path zip, Map<String, Path> binaries, Path out) {
        if (!Files.isRegularFile(zip)) {
            throw new DeployArtifactMissingException(zip);
        }
        binaries.values().stream().filter(f -> !Files.isRegularFile(f)).findFirst().ifPresent(f -> {
            throw new DeployArtifactMissingException(f);
        });
        try {
            Files.createDirectories(out.getParent());
            Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
            try (FileSystem fs = FileSystems.newFileSystem(out, Map.of("enablePosixFileAttributes", "true"))) {
                for (Map.Entry<String, Path> b : binaries.entrySet()) {
                    Path entry = fs.getPath("/").resolve(b.getKey());
                    if (entry.getParent() != null) {
                        Files.createDirectories(entry.getParent());
                    }
                    Files.copy(b.getValue(), entry, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out, e);
        }
    }
}
