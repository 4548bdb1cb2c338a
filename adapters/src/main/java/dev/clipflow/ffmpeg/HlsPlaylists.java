package dev.clipflow.ffmpeg;

import dev.clipflow.media.HlsSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the media playlists ffmpeg wrote: their segments, with each segment's size on disk. */
final class HlsPlaylists {

    private HlsPlaylists() {
    }

    /** A media playlist measured against its segments on disk. */
    record Measured(double durationSeconds, long peakBandwidth, long averageBandwidth, long bytes, int segments,
                    Path firstSegment) {
    }

    static Measured measure(Path playlist) {
        List<HlsSegment> segments = segments(playlist);
        var b = dev.clipflow.media.HlsPlaylists.bandwidth(segments);
        try {
            long bytes = Files.size(playlist) + b.mediaBytes();
            Path first = segments.isEmpty() ? null : playlist.getParent().resolve(segments.getFirst().name());
            return new Measured(b.durationSeconds(), b.peak(), b.average(), bytes, segments.size(), first);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the playlist " + playlist.getFileName(), e);
        }
    }

    /** The playlist's segments in order: file name, EXTINF duration and size. */
    static List<HlsSegment> segments(Path playlist) {
        try {
            List<String> lines = Files.readAllLines(playlist, StandardCharsets.UTF_8);
            Path dir = playlist.getParent();
            List<HlsSegment> segments = new ArrayList<>();
            double pending = -1;
            for (String line : lines) {
                if (line.startsWith("#EXTINF:")) {
                    String value = line.substring(8);
                    int comma = value.indexOf(',');
                    pending = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
                } else if (!line.isBlank() && !line.startsWith("#") && pending >= 0) {
                    String name = line.strip();
                    segments.add(new HlsSegment(name, pending, Files.size(dir.resolve(name))));
                    pending = -1;
                }
            }
            return segments;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the playlist " + playlist.getFileName(), e);
        }
    }
}
