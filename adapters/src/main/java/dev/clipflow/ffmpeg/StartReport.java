package dev.clipflow.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first decoded video frame and audio frame of a chunk's encode, as ffmpeg's {@code framecrc} muxer reported
 * them, one file per stream ({@link #videoFile}, {@link #audioFile}; a {@code #tb 0: num/den} header line, then
 * {@code 0, dts, pts, ...}).
 * A demuxer that cannot seek by index (MPEG-TS, key frames far apart) may start decoding after the chunk's start,
 * which would silently drop the frames before: {@link #startedBy} tells.
 *
 * @param videoSeconds first decoded frame's time; NaN when none was decoded
 * @param audioSeconds first decoded audio frame's time; NaN when none (no audio there, or none mapped)
 */
record StartReport(double videoSeconds, double audioSeconds) {

    static Path videoFile(Path report) {
        return report.resolveSibling(report.getFileName() + ".video");
    }

    static Path audioFile(Path report) {
        return report.resolveSibling(report.getFileName() + ".audio");
    }

    static StartReport read(Path report) {
        return new StartReport(parse(lines(videoFile(report))).videoSeconds(),
                parse(lines(audioFile(report))).videoSeconds());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the chunk's start report", e);
        }
    }

    /** One framecrc listing: stream 0's first time as {@code videoSeconds}, stream 1's as {@code audioSeconds}. */
    static StartReport parse(List<String> lines) {
        Map<Integer, double[]> timeBases = new HashMap<>();
        Map<Integer, Double> first = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("#tb ")) {
                int colon = line.indexOf(':');
                int stream = Integer.parseInt(line.substring(4, colon).strip());
                String[] tb = line.substring(colon + 1).strip().split("/");
                timeBases.put(stream, new double[] {Double.parseDouble(tb[0]), Double.parseDouble(tb[1])});
            } else if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split(",");
                int stream = Integer.parseInt(f[0].strip());
                double[] tb = timeBases.get(stream);
                if (tb != null && !first.containsKey(stream)) {
                    first.put(stream, Long.parseLong(f[2].strip()) * tb[0] / tb[1]);
                }
            }
        }
        return new StartReport(first.getOrDefault(0, Double.NaN), first.getOrDefault(1, Double.NaN));
    }

    /**
     * Whether decoding began early enough: the first frame at or before the chunk's start, and the first audio
     * at or before where the audio grid starts feeding (within one sample).
     */
    boolean startedBy(long startSeconds, AudioGrid grid) {
        boolean video = !Double.isNaN(videoSeconds) && videoSeconds <= startSeconds + 1e-6;
        boolean audio = Double.isNaN(audioSeconds) || audioSeconds <= grid.feedStartSeconds() + 1.0 / grid.sampleRate();
        return video && audio;
    }
}
