package dev.clipflow.pipeline;

/**
 * One time range of a chunked transcode, on the HLS segment grid: the frames whose presentation
 * time lies in {@code [startSeconds, endSeconds)} of the output timeline.
 *
 * @param index        0-based position of the chunk
 * @param startSeconds where the chunk starts, a multiple of the segment length
 * @param endSeconds   where it ends, a multiple of the segment length; null for the last chunk, which
 *                     runs to the end of the source (the probed duration can be short of the truth)
 * @param firstSegment the global index of the chunk's first HLS segment ({@code startSeconds / segment length})
 */
public record ChunkSpec(int index, long startSeconds, Long endSeconds, int firstSegment) {
    public ChunkSpec {
        if (index < 0 || startSeconds < 0 || firstSegment < 0 || endSeconds != null && endSeconds <= startSeconds) {
            throw new IllegalArgumentException("Invalid chunk " + index + ": [" + startSeconds + ", " + endSeconds
                    + ")");
        }
    }

    public boolean runsToEnd() {
        return endSeconds == null;
    }
}
