package dev.clipflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root: system property {@code clipflow.root} (set by surefire), else the nearest parent folder with
 * template.yaml.
 */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path get() {
        String p = System.getProperty("clipflow.root");
        if (p != null && !p.isBlank() && Files.isRegularFile(Path.of(p, "template.yaml"))) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml above " + Path.of("").toAbsolutePath()
                + "; set -Dclipflow.root");
    }
}
