package dev.clipflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipflowCacheTest {

    @Test
    void home_fromTheEnvironment_winsOverTheJvmUserHome() {
        assertThat(ClipflowCache.dir(Map.of("HOME", "/tmp/clean-home")::get, "/root"))
                .isEqualTo(Path.of("/tmp/clean-home/.cache/clipflow"));
    }

    @Test
    void xdgCacheHome_winsOverHome() {
        assertThat(ClipflowCache.dir(Map.of("HOME", "/home/a", "XDG_CACHE_HOME", "/var/cache/a")::get, "/root"))
                .isEqualTo(Path.of("/var/cache/a/clipflow"));
    }

    @Test
    void relativeXdgCacheHome_isIgnored_asTheSpecificationSays() {
        assertThat(ClipflowCache.dir(Map.of("HOME", "/home/a", "XDG_CACHE_HOME", "cache")::get, "/root"))
                .isEqualTo(Path.of("/home/a/.cache/clipflow"));
    }

    @Test
    void noEnvironment_fallsBackToTheJvmUserHome() {
        assertThat(ClipflowCache.dir(name -> null, "/root")).isEqualTo(Path.of("/root/.cache/clipflow"));
    }
}
