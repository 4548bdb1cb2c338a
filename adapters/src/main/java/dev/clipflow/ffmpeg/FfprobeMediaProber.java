package dev.clipflow.ffmpeg;

import dev.clipflow.media.MediaProber;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.pipeline.MediaInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link MediaProber} running {@code ffprobe -show_format -show_streams -of json} on a local file.
 *
 * <p>Bad inputs map to {@link MediaRejectedException} reasons: 0 bytes is {@code EMPTY_FILE}; a file
 * ffprobe cannot open is {@code NOT_A_VIDEO} unless its first bytes are a known container's, then it
 * is {@code TRUNCATED} (an MP4 cut before its index, "moov atom not found") or {@code CORRUPT};
 * audio without video is {@code AUDIO_ONLY}; an MP4 whose index describes more media than the file
 * holds is {@code TRUNCATED}. ffprobe crashing (killed by a signal) is {@link FfmpegFailedException}:
 * a tool defect must not be blamed on the creator's file.
 */
public final class FfprobeMediaProber implements MediaProber {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** 128 + signal: the tool was killed (e.g. 139, a segmentation fault), which says nothing about the file. */
    static final Set<Integer> CRASH_EXIT_CODES = Set.of(128 + 4, 128 + 6, 128 + 7, 128 + 8, 128 + 9, 128 + 11);

    /**
     * Whether the process was killed by SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGKILL or SIGSEGV (128 + signal). Not
     * every exit code above 128: ffmpeg 7+ exits with its error code's low byte (234 for EINVAL, 183 for
     * "invalid data"), which says something about the file.
     */
    static boolean crashed(int exitCode) {
        return CRASH_EXIT_CODES.contains(exitCode);
    }
    /**
     * The demuxers ffprobe may pick for an upload: video containers that hold their media, never one that
     * follows references (HLS playlists, concat scripts, image sequences), whatever the file calls itself.
     */
    static final String ALLOWED_DEMUXERS = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mpeg,mpegvideo,"
            + "flv,asf,ogg,mxf,dv,nut,h264,hevc,m4v,ivf";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final FfmpegBinaries binaries;
    private final Duration timeout;

    public FfprobeMediaProber(FfmpegBinaries binaries) {
        this(binaries, DEFAULT_TIMEOUT);
    }

    public FfprobeMediaProber(FfmpegBinaries binaries, Duration timeout) {
        this.binaries = Objects.requireNonNull(binaries, "binaries");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public MediaInfo probe(Path file) {
        try {
            return probe(file.toUri(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the source " + file.getFileName(), e);
        }
    }

    @Override
    public MediaInfo probe(URI source, long size) {
        if (size == 0) {
            throw new MediaRejectedException(MediaRejectionReason.EMPTY_FILE, null);
        }
        boolean local = "file".equals(source.getScheme());
        String input = local ? Path.of(source).toString() : source.toString();
        List<String> command = new ArrayList<>(List.of(binaries.ffprobe(), "-hide_banner", "-v", "error",
                "-protocol_whitelist", local ? "file" : "http,tcp", "-format_whitelist", ALLOWED_DEMUXERS));
        if (!local) {
            command.addAll(List.of("-reconnect", "1"));
        }
        command.addAll(List.of("-print_format", "json", "-show_format", "-show_streams", input));
        ProcessResult result = ProcessRunner.run(command, timeout);
        String stderr = result.stderr().replace(input, "<source>");
        if (crashed(result.exitCode())) {
            throw new FfmpegFailedException("ffprobe crashed (exit " + result.exitCode() + "): " + stderr,
                    result.exitCode());
        }
        if (result.exitCode() != 0) {
            throw classifyFailure(ContainerSignature.of(head(source, local)), stderr);
        }
        String json = new String(result.stdout(), StandardCharsets.UTF_8);
        // A WebM written live (a browser's recording) says nothing of its length: measure it from its last cluster.
        MatroskaTail.Timeline measured = FfprobeReport.unknownMatroskaLength(json)
                .flatMap(video -> MatroskaTail.measure(binaries.ffprobe(), timeout,
                        (offset, length) -> bytes(source, local, offset, length), size, video))
                .orElse(null);
        return FfprobeReport.parse(json, size, measured);
    }

    /** The first bytes of the source, where containers have their signatures. */
    private static byte[] head(URI source, boolean local) {
        return bytes(source, local, 0, ContainerSignature.HEAD);
    }

    /**
     * {@code length} bytes of the source from {@code offset} (fewer at its end or when it cannot be read): from the
     * local file, or by ranged requests to the loopback server (each answer may hold less than asked).
     */
    private static byte[] bytes(URI source, boolean local, long offset, int length) {
        try {
            if (local) {
                try (var channel = Files.newByteChannel(Path.of(source))) {
                    channel.position(offset);
                    try (InputStream in = Channels.newInputStream(channel)) {
                        return in.readNBytes(length);
                    }
                }
            }
            var out = new ByteArrayOutputStream(length);
            while (out.size() < length) {
                long from = offset + out.size();
                HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(source)
                        .header("Range", "bytes=" + from + "-" + (offset + length - 1))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 != 2 || response.body().length == 0) {
                    break;
                }
                out.write(response.body(), 0, Math.min(response.body().length, length - out.size()));
            }
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        }
    }

    static MediaRejectedException classifyFailure(ContainerSignature signature, String stderr) {
        String detail = "ffprobe: " + lastLine(stderr);
        if (signature == ContainerSignature.UNKNOWN) {
            return new MediaRejectedException(MediaRejectionReason.NOT_A_VIDEO, detail);
        }
        String lower = stderr.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("moov atom not found") || lower.contains("end of file") || lower.contains("partial file")) {
            return new MediaRejectedException(MediaRejectionReason.TRUNCATED, detail);
        }
        return new MediaRejectedException(MediaRejectionReason.CORRUPT, detail);
    }

    static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        if (lines.isEmpty()) {
            return "no diagnostic";
        }
        String first = lines.getFirst().replaceAll("^\\[[^]]*@ 0x[0-9a-f]+] ", "");
        return lines.size() == 1 ? first : first + " / " + lines.getLast();
    }
}
