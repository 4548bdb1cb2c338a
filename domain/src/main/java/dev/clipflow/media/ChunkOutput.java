package dev.clipflow.media;

import java.nio.file.Path;
import java.util.List;

/**
 * What one chunk wrote below {@code directory}, laid out as under the video's output prefix:
 * {@code hls/<rendition>/seg_NNNNN.ts} with global segment numbers, the thumbnail tiles the chunk holds
 * (indices into the whole video's {@link ThumbnailPlan}) and, for the chunk holding the poster instant,
 * the poster. No playlist: the stitch step writes those from every chunk's segments.
 *
 * @param renditions one per rung, in ladder order
 * @param tiles      relative paths of the chunk's tiles, keyed by tile index order
 * @param poster     relative path of the poster, null when another chunk holds it
 */
public record ChunkOutput(Path directory, List<Rendition> renditions, List<Tile> tiles, String poster) {
    public ChunkOutput {
        renditions = List.copyOf(renditions);
        tiles = List.copyOf(tiles);
    }

    /** One rendition's segments in order, and the RFC 6381 codecs of its first segment (null when it has none). */
    public record Rendition(String name, String codecs, List<HlsSegment> segments) {
        public Rendition {
            segments = List.copyOf(segments);
        }
    }

    /** One thumbnail tile: its index in the whole video's sprite and its relative path. */
    public record Tile(int index, String path) {
    }
}
