package dev.clipflow.ffmpeg;

import java.util.Locale;
import java.util.Set;

/**
 * How a time range's audio is encoded so that ranges encoded separately join as if encoded in one pass
 * (docs/adr/0008). AAC codes audio in packets of {@value #FRAME} samples; a one-pass encode of the whole
 * track puts packet {@code j} at samples {@code [j * 1024, (j + 1) * 1024)} of the output timeline (after
 * one priming packet at -1024). A range {@code [start, end)} owns the packets that start in it. Its encoder is
 * fed from {@value #WARM_UP} packets earlier (so its state and the overlapping transform window match the
 * one-pass encoder's at the first owned packet) to a little past the end, and the packets it does not own
 * are dropped after encoding by packet index. The first range keeps the priming packet, the last one runs to
 * the end of the picture, padded with silence when the audio stops early and cut where the picture ends.
 *
 * @param sampleRate   the output sample rate (the source's, or 48 kHz when the encoder does not support it)
 * @param feedStart    first sample fed to the encoder, on the packet grid
 * @param feedEnd      sample where feeding stops
 * @param firstKept    index (0-based, in output order) of the first encoded packet kept
 * @param keptCount    how many encoded packets are kept; -1 for all the rest
 */
record AudioGrid(int sampleRate, long feedStart, long feedEnd, long firstKept, long keptCount) {
    static final int FRAME = 1024;
    static final int WARM_UP = 3;
    /** Packets encoded past the range's end, so the last kept packets see the same look-ahead as one pass. */
    static final int POST_ROLL = 2;
    static final int DEFAULT_RATE = 48_000;
    /** The sample rates the AAC encoder accepts. */
    static final Set<Integer> AAC_RATES = Set.of(96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000,
            12000, 11025, 8000, 7350);

    /**
     * The grid for {@code [startSeconds, endSeconds)} (whole seconds, as chunk boundaries are); a null end means
     * to the end of the picture at {@code pictureEndSeconds}.
     */
    static AudioGrid of(int sourceRate, long startSeconds, Long endSeconds, double pictureEndSeconds) {
        int rate = AAC_RATES.contains(sourceRate) ? sourceRate : DEFAULT_RATE;
        long firstPacket = ceilDiv(startSeconds * rate, FRAME);
        long warmStart = Math.max(0, firstPacket - WARM_UP);
        long feedStart = warmStart * FRAME;
        long firstKept = startSeconds == 0 ? 0 : firstPacket - warmStart + 1;
        if (endSeconds == null) {
            long end = Math.max(feedStart, Math.round(pictureEndSeconds * rate));
            return new AudioGrid(rate, feedStart, end, firstKept, -1);
        }
        long endPacket = ceilDiv(endSeconds * rate, FRAME);
        long lastKept = endPacket - warmStart + 1;
        return new AudioGrid(rate, feedStart, (endPacket + POST_ROLL) * FRAME, firstKept, lastKept - firstKept);
    }

    /** Seconds on the output timeline where feeding starts. */
    double feedStartSeconds() {
        return (double) feedStart / sampleRate;
    }

    /**
     * The audio filter chain from the decoded source to the encoders' input: pad with silence after the
     * source's audio ends, resample to the grid's rate starting exactly at {@code feedStart} (padding when the
     * source's audio starts later), stop at {@code feedEnd}.
     */
    String filter() {
        return String.format(Locale.ROOT, "apad,aresample=osr=%d:async=1:first_pts=%d,atrim=end_pts=%d",
                sampleRate, feedStart, feedEnd);
    }

    /** The {@code noise} bitstream filter's drop expression, or null when every packet is kept. */
    String dropExpression() {
        if (firstKept == 0 && keptCount < 0) {
            return null;
        }
        StringBuilder drop = new StringBuilder();
        if (firstKept > 0) {
            drop.append("lt(n\\,").append(firstKept).append(')');
        }
        if (keptCount >= 0) {
            if (!drop.isEmpty()) {
                drop.append('+');
            }
            drop.append("gte(n\\,").append(firstKept + keptCount).append(')');
        }
        return drop.toString();
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
