package dev.clipflow.ffmpeg;

import dev.clipflow.media.ProducedRendition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the media playlists ffmpeg wrote and writes the master playlist. */
final class HlsPlaylists {

    private HlsPlaylists() {
    }

    /** A media playlist measured against its segments on disk. */
    record Measured(double durationSeconds, long peakBandwidth, long averageBandwidth, long bytes, int segments,
                    Path firstSegment) {
    }

    static Measured measure(Path playlist) {
        try {
            List<String> lines = Files.readAllLines(playlist, StandardCharsets.UTF_8);
            Path dir = playlist.getParent();
            double total = 0;
            double target = 0;
            long bytes = Files.size(playlist);
            long mediaBytes = 0;
            double peak = 0;
            double fallbackPeak = 0;
            int segments = 0;
            Path first = null;
            double pending = -1;
            for (String line : lines) {
                if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                    target = Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
                } else if (line.startsWith("#EXTINF:")) {
                    String value = line.substring(8);
                    pending = Double.parseDouble(value.substring(0, value.indexOf(',') < 0 ? value.length()
                            : value.indexOf(',')));
                } else if (!line.isBlank() && !line.startsWith("#") && pending >= 0) {
                    Path segment = dir.resolve(line.strip());
                    long size = Files.size(segment);
                    first = first == null ? segment : first;
                    double rate = pending > 0 ? size * 8 / pending : 0;
                    fallbackPeak = Math.max(fallbackPeak, rate);
                    // A short tail segment (one key frame, little else) would overstate the peak.
                    if (pending >= target / 2) {
                        peak = Math.max(peak, rate);
                    }
                    total += pending;
                    mediaBytes += size;
                    segments++;
                    pending = -1;
                }
            }
            long average = total > 0 ? Math.round(mediaBytes * 8 / total) : 0;
            long peakBps = Math.round(peak > 0 ? peak : fallbackPeak);
            return new Measured(total, Math.max(peakBps, average), average, bytes + mediaBytes, segments, first);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the playlist " + playlist.getFileName(), e);
        }
    }

    /** The master playlist: one variant per rendition, paths relative to the master's folder. */
    static String master(List<ProducedRendition> renditions, double frameRate) {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (ProducedRendition r : renditions) {
            m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(r.peakBandwidth())
                    .append(",AVERAGE-BANDWIDTH=").append(r.averageBandwidth())
                    .append(",RESOLUTION=").append(r.width()).append('x').append(r.height());
            if (frameRate > 0) {
                m.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", frameRate));
            }
            m.append(",CODECS=\"").append(r.codecs()).append("\"\n")
                    .append(r.playlist().substring("hls/".length())).append('\n');
        }
        return m.toString();
    }
}
