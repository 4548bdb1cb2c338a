package dev.clipflow.transcodechunk;

/**
 * What one chunk did, kept small: the state machine discards it (every chunk's details are in its manifest,
 * which the stitch step reads).
 *
 * @param manifestKey the chunk's manifest in the media bucket
 * @param sourceBytesRead how much of the source the chunk read (its ranges and the container's index)
 */
public record TranscodeChunkResult(int index, int segments, long bytesStored, String manifestKey,
                                   long sourceBytesRead) {
}
