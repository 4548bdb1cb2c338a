package dev.clipflow.testing.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LocalFfmpeg's resolution order and its checksum checks, against a small wheel of its own (two shell scripts
 * standing in for ffmpeg and ffprobe) served from a file: URI, so no network and no 80 MB download.
 */
class LocalFfmpegTest {
    private static final String FFMPEG = "#!/bin/sh\necho fake-ffmpeg\n";
    private static final String FFPROBE = "#!/bin/sh\necho fake-ffprobe\n";

    @TempDir
    Path tmp;
    private Path cache;
    private Path noLayer;
    private final List<String> log = new ArrayList<>();
    private LocalFfmpeg.Release release;

    @BeforeEach
    void wheel() throws Exception {
        cache = tmp.resolve("cache");
        noLayer = tmp.resolve("no-layer");
        Path wheel = tmp.resolve("fake.whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            for (Map.Entry<String, String> e : Map.of("bin/ffmpeg-x", FFMPEG, "bin/ffprobe-x", FFPROBE).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        release = new LocalFfmpeg.Release("t1", wheel.toUri(), sha256(Files.readAllBytes(wheel)),
                "bin/ffmpeg-x", sha256(FFMPEG.getBytes(StandardCharsets.UTF_8)),
                "bin/ffprobe-x", sha256(FFPROBE.getBytes(StandardCharsets.UTF_8)), 100);
    }

    private LocalFfmpeg.Binaries resolve(Map<String, String> config, Path layer) {
        return LocalFfmpeg.resolve(config::get, layer, cache, release, log::add);
    }

    @Test
    void configuredPathsWinOverTheLayerAndTheCache() throws IOException {
        Path layer = layer();
        LocalFfmpeg.Binaries b = resolve(Map.of("FFMPEG_PATH", "/x/ffmpeg", "FFPROBE_PATH", "/x/ffprobe"), layer);

        assertThat(b).isEqualTo(new LocalFfmpeg.Binaries(Path.of("/x/ffmpeg"), Path.of("/x/ffprobe")));
        assertThat(log).isEmpty();
        assertThat(cache).doesNotExist();
    }

    @Test
    void theLayerComesNextThenTheFetchedCacheForWhatIsStillMissing() throws IOException {
        Path layer = layer();
        assertThat(resolve(Map.of(), layer)).isEqualTo(
                new LocalFfmpeg.Binaries(layer.resolve("ffmpeg"), layer.resolve("ffprobe")));
        assertThat(cache).doesNotExist();

        LocalFfmpeg.Binaries mixed = resolve(Map.of("FFMPEG_PATH", "/x/ffmpeg"), noLayer);
        assertThat(mixed.ffmpeg()).isEqualTo(Path.of("/x/ffmpeg"));
        assertThat(mixed.ffprobe()).isEqualTo(cache.resolve("ffmpeg-t1/ffprobe"));
    }

    @Test
    void nothingConfiguredFetchesTheReleaseOnceWithOneLineAndRunsIt() throws Exception {
        LocalFfmpeg.Binaries b = resolve(Map.of(), noLayer);

        assertThat(b).isEqualTo(new LocalFfmpeg.Binaries(cache.resolve("ffmpeg-t1/ffmpeg"),
                cache.resolve("ffmpeg-t1/ffprobe")));
        assertThat(run(b.ffmpeg())).isEqualTo("fake-ffmpeg");
        assertThat(run(b.ffprobe())).isEqualTo("fake-ffprobe");
        assertThat(log).singleElement().asString().contains("fetching ffmpeg and ffprobe t1").contains(
                cache.resolve("ffmpeg-t1").toString());

        assertThat(resolve(Map.of(), noLayer)).isEqualTo(b);
        assertThat(log).hasSize(1);
    }

    @Test
    void aCorruptedCachedBinaryIsFetchedAgainNotRun() throws Exception {
        LocalFfmpeg.Binaries b = resolve(Map.of(), noLayer);
        Path ran = tmp.resolve("corrupted-binary-ran");
        Files.writeString(b.ffmpeg(), "#!/bin/sh\ntouch " + ran + "\necho corrupted\n");

        LocalFfmpeg.Binaries again = resolve(Map.of(), noLayer);

        assertThat(log).hasSize(2);
        assertThat(ran).doesNotExist();
        assertThat(Files.readString(again.ffmpeg())).isEqualTo(FFMPEG);
        assertThat(run(again.ffmpeg())).isEqualTo("fake-ffmpeg");
    }

    @Test
    void aWheelThatDoesNotMatchItsChecksumIsRefusedAndNothingIsInstalled() throws Exception {
        LocalFfmpeg.Release tampered = new LocalFfmpeg.Release("t1", release.wheel(), "0".repeat(64),
                release.ffmpegEntry(), release.ffmpegSha256(), release.ffprobeEntry(), release.ffprobeSha256(), 100);

        assertThatThrownBy(() -> LocalFfmpeg.resolve(name -> null, noLayer, cache, tampered, log::add))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot fetch ffmpeg t1")
                .hasMessageContaining("does not have the expected SHA-256")
                .hasMessageContaining("FFMPEG_PATH");
        assertThat(cache.resolve("ffmpeg-t1")).doesNotExist();
        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("ffmpeg-t1.lock");
        }
    }

    private Path layer() throws IOException {
        Path layer = Files.createDirectories(tmp.resolve("opt-bin"));
        for (String name : List.of("ffmpeg", "ffprobe")) {
            Path p = Files.writeString(layer.resolve(name), "#!/bin/sh\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return layer;
    }

    private static String run(Path program) throws Exception {
        Process p = new ProcessBuilder(program.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
