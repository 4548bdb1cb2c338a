package dev.clipflow.local.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root in tests: system property {@code clipflow.root} (set by surefire), else {@code ../..}. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path get() {
        String p = System.getProperty("clipflow.root");
        Path root = p != null && !p.isBlank() ? Path.of(p) : Path.of("../..");
        if (!Files.isRegularFile(root.resolve("template.yaml"))) {
            root = Path.of("../..");
        }
        return root.toAbsolutePath().normalize();
    }
}
