package dev.clipflow.pipeline;

/**
 * One produced HLS rendition.
 *
 * @param bandwidth   peak bits per second as written in the master playlist
 * @param playlistKey the media playlist's key in the media bucket
 */
public record Rendition(String name, int width, int height, long bandwidth, String playlistKey, long bytes) {
}
