package dev.clipflow.discovery;

import java.util.Comparator;
import java.util.Objects;

/** A video and its score in some ranking (higher is better). */
public record ScoredVideo(String videoId, double score) {
    /** Highest score first, then by video id, so rankings are deterministic. */
    public static final Comparator<ScoredVideo> BEST_FIRST =
            Comparator.comparingDouble(ScoredVideo::score).reversed().thenComparing(ScoredVideo::videoId);

    public ScoredVideo {
        Objects.requireNonNull(videoId, "videoId");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
    }
}
