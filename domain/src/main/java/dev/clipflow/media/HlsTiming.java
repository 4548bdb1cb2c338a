package dev.clipflow.media;

/**
 * The time grid every HLS output follows, one-pass or chunked: key frames every
 * {@link #KEYFRAME_SECONDS} s at the same instants in every rendition (players switch renditions
 * there), segments of {@link #SEGMENT_SECONDS} s, and chunk boundaries on segment boundaries.
 */
public final class HlsTiming {
    public static final int SEGMENT_SECONDS = 4;
    public static final int KEYFRAME_SECONDS = 2;

    private HlsTiming() {
    }
}
