package dev.clipflow.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * How a source is transcoded, planned by the probe stage from the probed duration.
 *
 * @param mode           one pass, or chunks encoded in parallel and stitched
 * @param segmentSeconds the HLS segment length every chunk boundary is a multiple of
 * @param chunkSeconds   the length of every chunk but the last; 0 in one-pass mode
 * @param chunks         the chunks in order, empty in one-pass mode (the state machine's Map iterates them)
 * @param maxConcurrency how many chunks the Map encodes at once (its {@code MaxConcurrencyPath}); 0 in one-pass mode
 */
public record TranscodePlan(TranscodeMode mode, int segmentSeconds, int chunkSeconds, List<ChunkSpec> chunks,
                            int maxConcurrency) {
    public TranscodePlan {
        Objects.requireNonNull(mode, "mode");
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
        if (mode == TranscodeMode.CHUNKED && (chunks.isEmpty() || maxConcurrency < 1)) {
            throw new IllegalArgumentException("A chunked plan needs chunks and a concurrency of at least 1");
        }
    }

    /** The plan of a one-pass transcode. */
    public static TranscodePlan onePass(int segmentSeconds) {
        return new TranscodePlan(TranscodeMode.ONE_PASS, segmentSeconds, 0, List.of(), 0);
    }

    public int chunkCount() {
        return chunks.size();
    }
}
