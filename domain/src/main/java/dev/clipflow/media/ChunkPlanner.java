package dev.clipflow.media;

import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.TranscodeMode;
import dev.clipflow.pipeline.TranscodePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses between a one-pass transcode and a chunked one from the picture's probed length, and
 * cuts a chunked source into chunks on the HLS segment grid (docs/adr/0008).
 *
 * <ul>
 *   <li>Up to {@code chunkedAboveSeconds} of picture: one pass, no chunks (no extra state, transition or
 *       invocation for short clips).</li>
 *   <li>Longer: chunks of {@code chunkSeconds} (a whole number of segments), the last one open-ended so that
 *       frames past the probed duration are never lost. A remainder shorter than {@link #MIN_LAST_CHUNK_SECONDS}
 *       (one frame past a boundary, say) joins the chunk before it: a probed end a little past the last frame
 *       must not make a chunk without frames.</li>
 * </ul>
 *
 * @param chunkSeconds        chunk length, a positive multiple of {@link HlsTiming#SEGMENT_SECONDS}
 * @param chunkedAboveSeconds sources whose picture is longer are chunked; at most
 *                            {@link MediaLimits#ONE_PASS_MAX_SECONDS}, the longest source one function is
 *                            measured to finish in one pass
 * @param maxConcurrency      chunks encoded at once (the Map's concurrency), 1 to {@link #MAX_CONCURRENCY}
 */
public record ChunkPlanner(int chunkSeconds, double chunkedAboveSeconds, int maxConcurrency) {
    public static final int DEFAULT_CHUNK_SECONDS = 40;
    public static final double DEFAULT_CHUNKED_ABOVE_SECONDS = 120;
    /** 90 chunks of 40 s, an hour of video, in one wave. */
    public static final int DEFAULT_MAX_CONCURRENCY = 100;
    /** A Distributed Map's limit. */
    public static final int MAX_CONCURRENCY = 10_000;
    public static final ChunkPlanner DEFAULT = new ChunkPlanner(DEFAULT_CHUNK_SECONDS, DEFAULT_CHUNKED_ABOVE_SECONDS,
            DEFAULT_MAX_CONCURRENCY);
    /** The shortest last chunk; a shorter remainder is encoded by the chunk before it. */
    public static final double MIN_LAST_CHUNK_SECONDS = 1.0;

    /** A planner with the default concurrency. */
    public ChunkPlanner(int chunkSeconds, double chunkedAboveSeconds) {
        this(chunkSeconds, chunkedAboveSeconds, DEFAULT_MAX_CONCURRENCY);
    }

    public ChunkPlanner {
        if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("The chunk concurrency must be 1 to " + MAX_CONCURRENCY + ", not "
                    + maxConcurrency);
        }
        if (chunkSeconds <= 0 || chunkSeconds % HlsTiming.SEGMENT_SECONDS != 0) {
            throw new IllegalArgumentException("The chunk length must be a positive multiple of "
                    + HlsTiming.SEGMENT_SECONDS + " s, not " + chunkSeconds);
        }
        if (!(chunkedAboveSeconds > 0) || chunkedAboveSeconds > MediaLimits.ONE_PASS_MAX_SECONDS) {
            throw new IllegalArgumentException("Sources can be chunked above 0 to " + MediaLimits.ONE_PASS_MAX_SECONDS
                    + " s (the measured one-pass limit), not " + chunkedAboveSeconds);
        }
    }

    public TranscodePlan plan(MediaInfo media) {
        double end = media.pictureEndSeconds();
        if (end <= chunkedAboveSeconds) {
            return TranscodePlan.onePass(HlsTiming.SEGMENT_SECONDS);
        }
        int count = Math.max(1, (int) Math.ceil(end / chunkSeconds - 1e-9));
        if (count > 1 && end - (double) (count - 1) * chunkSeconds < MIN_LAST_CHUNK_SECONDS) {
            count--;
        }
        List<ChunkSpec> chunks = new ArrayList<>(count);
        int segmentsPerChunk = chunkSeconds / HlsTiming.SEGMENT_SECONDS;
        for (int i = 0; i < count; i++) {
            long start = (long) i * chunkSeconds;
            Long stop = i == count - 1 ? null : start + chunkSeconds;
            chunks.add(new ChunkSpec(i, start, stop, i * segmentsPerChunk));
        }
        return new TranscodePlan(TranscodeMode.CHUNKED, HlsTiming.SEGMENT_SECONDS, chunkSeconds, chunks,
                maxConcurrency);
    }
}
