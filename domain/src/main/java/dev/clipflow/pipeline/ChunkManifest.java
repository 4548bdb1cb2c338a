package dev.clipflow.pipeline;

import dev.clipflow.cost.StageUsage;
import dev.clipflow.media.ChunkOutput;
import java.util.List;

/**
 * What one chunk of a chunked transcode wrote, as the {@code transcode-chunk} function records it next to its
 * outputs ({@code MediaKeys.chunkManifest}) for the stitch step: the segments of every rendition (global names,
 * durations, sizes) and their codecs, the thumbnail tiles it holds, whether it wrote the poster, and what the
 * chunk consumed. A repeated chunk rewrites the same manifest.
 *
 * @param renditions in ladder order
 * @param tiles      indices of the tiles the chunk wrote ({@code MediaKeys.chunkTile})
 * @param attempt    the Step Functions retry count of the invocation that wrote it (0 = first attempt)
 */
public record ChunkManifest(int schemaVersion, String videoId, int index, List<ChunkOutput.Rendition> renditions,
                            List<Integer> tiles, boolean poster, StageUsage usage, int attempt) {
    public static final int SCHEMA_VERSION = 1;

    public ChunkManifest {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
        tiles = tiles == null ? List.of() : List.copyOf(tiles);
    }
}
