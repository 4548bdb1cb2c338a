package dev.clipflow.media;

import java.util.List;
import java.util.Locale;

/**
 * The HLS playlists Clipflow publishes, written from measured segments: a rendition's media playlist (the
 * stitch step writes it from every chunk's segments, in the form ffmpeg writes for a one-pass encode) and the
 * master playlist (peak {@code BANDWIDTH}, {@code AVERAGE-BANDWIDTH}, {@code RESOLUTION}, {@code FRAME-RATE},
 * {@code CODECS}; ffmpeg's own master states configured rather than measured rates).
 */
public final class HlsPlaylists {

    private HlsPlaylists() {
    }

    /**
     * Bit rates of a rendition measured from its segments.
     *
     * @param peak    the highest segment bit rate, ignoring segments shorter than half the target duration (a
     *                short tail segment, one key frame and little else, would overstate it) unless all are
     * @param average total bits over total duration
     */
    public record Bandwidth(double durationSeconds, long peak, long average, long mediaBytes) {
    }

    public static Bandwidth bandwidth(List<HlsSegment> segments) {
        int target = targetDuration(segments);
        double total = 0;
        long bytes = 0;
        double peak = 0;
        double fallbackPeak = 0;
        for (HlsSegment s : segments) {
            double rate = s.durationSeconds() > 0 ? s.bytes() * 8 / s.durationSeconds() : 0;
            fallbackPeak = Math.max(fallbackPeak, rate);
            if (s.durationSeconds() >= target / 2.0) {
                peak = Math.max(peak, rate);
            }
            total += s.durationSeconds();
            bytes += s.bytes();
        }
        long average = total > 0 ? Math.round(bytes * 8 / total) : 0;
        long peakBps = Math.round(peak > 0 ? peak : fallbackPeak);
        return new Bandwidth(total, Math.max(peakBps, average), average, bytes);
    }

    /**
     * The VOD media playlist of segments in one folder (names relative to the playlist), as ffmpeg's HLS muxer
     * writes it: {@code TARGETDURATION} is the longest segment rounded up (a thousandth of a second of slack).
     */
    public static String mediaPlaylist(List<HlsSegment> segments) {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:")
                .append(targetDuration(segments)).append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (HlsSegment s : segments) {
            m.append("#EXTINF:").append(String.format(Locale.ROOT, "%.6f", s.durationSeconds())).append(",\n")
                    .append(s.name()).append('\n');
        }
        return m.append("#EXT-X-ENDLIST\n").toString();
    }

    /** The master playlist: one variant per rendition, paths relative to the master's folder ({@code hls/}). */
    public static String masterPlaylist(List<ProducedRendition> renditions, double frameRate) {
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

    /** The longest segment in whole seconds, rounded up unless within a thousandth of a second (ffmpeg's rule). */
    static int targetDuration(List<HlsSegment> segments) {
        int target = 1;
        for (HlsSegment s : segments) {
            double d = s.durationSeconds();
            int whole = (int) d;
            target = Math.max(target, d - whole >= 0.001 ? whole + 1 : whole);
        }
        return target;
    }
}
