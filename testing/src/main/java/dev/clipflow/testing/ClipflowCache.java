package dev.clipflow.testing;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The folder where tests and the local runtime keep what they fetch or build once (ffmpeg, Dynoxide, function
 * class loaders): {@code $XDG_CACHE_HOME/clipflow}, else {@code $HOME/.cache/clipflow}, else the JVM's
 * {@code user.home}. The environment comes first because the JVM's {@code user.home} is the account's passwd
 * entry and ignores {@code HOME}: a run with another {@code HOME} (a clean CI home) must not share the real one.
 */
public final class ClipflowCache {

    private ClipflowCache() {
    }

    public static Path dir() {
        return dir(System::getenv, System.getProperty("user.home"));
    }

    static Path dir(UnaryOperator<String> env, String userHome) {
        String xdg = env.apply("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "clipflow");
        }
        String home = env.apply("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, ".cache", "clipflow");
    }
}
