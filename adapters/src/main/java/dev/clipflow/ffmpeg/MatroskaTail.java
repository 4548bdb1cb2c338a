package dev.clipflow.ffmpeg;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Measures where a Matroska or WebM source ends when its header does not say. A browser's MediaRecorder writes
 * WebM live: no duration, no cues, no per-track DURATION tags, so ffprobe reports no length at all. The end is in
 * the last cluster: this reads the header up to the first cluster and the last window of the file by range (never
 * the whole upload), joins them into one small file whose header is the source's own, and lets ffprobe list the
 * packets. The Matroska demuxer skips the cut-off start of the window and resynchronises at its first whole
 * cluster, whose timestamps are absolute. The window widens (4, 16, 64 MiB) until it holds a video packet.
 */
final class MatroskaTail {
    /** How far into the file the first cluster (the end of the header) is looked for. */
    static final int HEAD_BYTES = 1 << 20;
    static final List<Long> WINDOWS = List.of(4L << 20, 16L << 20, 64L << 20);
    /** EBML ID of a Cluster. */
    private static final byte[] CLUSTER = {0x1F, 0x43, (byte) 0xB6, 0x75};

    private MatroskaTail() {
    }

    /** Reads {@code length} bytes of the source from {@code offset} (fewer at its end). */
    interface Source {
        byte[] read(long offset, int length);
    }

    /**
     * Where the source's last packets end, on its own timeline (absolute times, not yet relative to its start).
     *
     * @param endSeconds      the end of the last packet of any stream
     * @param videoEndSeconds the end of the last video packet
     * @param videoFrameRate  video packets per second over the window; 0 when it holds fewer than two
     */
    record Timeline(double endSeconds, double videoEndSeconds, double videoFrameRate) {
    }

    /**
     * Measures the source ({@code size} bytes) whose video is stream {@code videoStream}; empty when no cluster
     * start is found in its header or no window holds a video packet.
     */
    static Optional<Timeline> measure(String ffprobe, Duration timeout, Source source, long size, int videoStream) {
        byte[] head = source.read(0, (int) Math.min(HEAD_BYTES, size));
        int firstCluster = indexOf(head, CLUSTER);
        if (firstCluster < 0) {
            return Optional.empty();
        }
        for (long window : WINDOWS) {
            long from = Math.max(firstCluster, size - window);
            Optional<Timeline> timeline = packets(ffprobe, timeout, head, firstCluster,
                    source.read(from, (int) (size - from)), videoStream);
            if (timeline.isPresent() || from == firstCluster) {
                return timeline;
            }
        }
        return Optional.empty();
    }

    private static Optional<Timeline> packets(String ffprobe, Duration timeout, byte[] head, int headLength,
                                              byte[] tail, int videoStream) {
        Path joined = null;
        try {
            joined = Files.createTempFile("clipflow-tail-", ".mkv");
            try (OutputStream out = Files.newOutputStream(joined)) {
                out.write(head, 0, headLength);
                out.write(tail);
            }
            ProcessResult result = ProcessRunner.run(List.of(ffprobe, "-hide_banner", "-v", "error",
                    "-protocol_whitelist", "file", "-f", "matroska", "-show_entries",
                    "packet=stream_index,pts_time,duration_time", "-of", "csv=p=0", joined.toString()), timeout);
            if (FfprobeMediaProber.crashed(result.exitCode())) {
                throw new FfmpegFailedException("ffprobe crashed (exit " + result.exitCode() + ") listing packets",
                        result.exitCode());
            }
            return timeline(new String(result.stdout(), StandardCharsets.UTF_8), videoStream);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the source's tail to measure it", e);
        } finally {
            if (joined != null) {
                joined.toFile().delete();
            }
        }
    }

    /** The timeline from ffprobe's packet lines ({@code stream_index,pts_time,duration_time}). */
    static Optional<Timeline> timeline(String csv, int videoStream) {
        double end = 0;
        double videoEnd = 0;
        double firstVideo = Double.NaN;
        double lastVideo = Double.NaN;
        int videoPackets = 0;
        for (String line : csv.lines().toList()) {
            String[] fields = line.split(",");
            if (fields.length < 2) {
                continue;
            }
            try {
                int stream = Integer.parseInt(fields[0].strip());
                double pts = Double.parseDouble(fields[1].strip());
                double duration = fields.length > 2 ? parseOrZero(fields[2]) : 0;
                end = Math.max(end, pts + duration);
                if (stream == videoStream) {
                    videoEnd = Math.max(videoEnd, pts + duration);
                    firstVideo = Double.isNaN(firstVideo) ? pts : Math.min(firstVideo, pts);
                    lastVideo = Double.isNaN(lastVideo) ? pts : Math.max(lastVideo, pts);
                    videoPackets++;
                }
            } catch (NumberFormatException e) {
                // N/A timestamps: not a measurable packet
            }
        }
        if (videoPackets == 0) {
            return Optional.empty();
        }
        double rate = videoPackets > 1 && lastVideo > firstVideo ? (videoPackets - 1) / (lastVideo - firstVideo) : 0;
        if (videoEnd <= lastVideo && rate > 0) {
            // No frame durations (no DefaultDuration, as MediaRecorder writes): the last frame lasts one frame time.
            videoEnd = lastVideo + 1 / rate;
        }
        return Optional.of(new Timeline(Math.max(end, videoEnd), videoEnd, rate));
    }

    private static double parseOrZero(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) && value > 0 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
