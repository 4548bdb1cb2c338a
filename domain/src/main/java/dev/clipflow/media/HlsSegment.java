package dev.clipflow.media;

/**
 * One produced HLS media segment.
 *
 * @param name            the file name under the rendition's folder, e.g. {@code seg_00012.ts} (global numbering)
 * @param durationSeconds its duration as the encoder's playlist states it
 * @param bytes           its size
 */
public record HlsSegment(String name, double durationSeconds, long bytes) {
}
