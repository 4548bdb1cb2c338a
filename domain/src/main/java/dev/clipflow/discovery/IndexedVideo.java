package dev.clipflow.discovery;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A published video as the term index stores it.
 *
 * @param weights its terms and their weights ({@link TermVectors})
 * @param norm    the length of its TF-IDF vector when indexed (the cosine's denominator)
 */
public record IndexedVideo(String videoId, String channelId, Instant publishedAt, Map<String, Double> weights,
                           double norm) {
    public IndexedVideo {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        weights = Map.copyOf(weights);
        if (weights.size() > TermVectors.MAX_TERMS) {
            throw new IllegalArgumentException("at most " + TermVectors.MAX_TERMS + " terms");
        }
    }
}
