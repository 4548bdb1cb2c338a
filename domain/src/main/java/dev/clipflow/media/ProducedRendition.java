package dev.clipflow.media;

/**
 * One rendition as produced and measured.
 *
 * @param peakBandwidth    highest segment bit rate (bits/s), the master playlist's BANDWIDTH
 * @param averageBandwidth total bits over total duration, the master playlist's AVERAGE-BANDWIDTH
 * @param codecs           RFC 6381 codecs string, e.g. {@code avc1.64001f,mp4a.40.2}
 * @param playlist         the media playlist, relative to the output directory
 * @param bytes            bytes of the playlist and its segments
 */
public record ProducedRendition(String name, int width, int height, long peakBandwidth, long averageBandwidth,
                                String codecs, String playlist, long bytes, double durationSeconds) {
}
