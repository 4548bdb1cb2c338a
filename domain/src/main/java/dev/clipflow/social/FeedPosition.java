package dev.clipflow.social;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A place in a feed: the publish time and the video id breaking ties. Its {@link #sortKey()} is a
 * fixed-width string whose order is the feed order (oldest first), so stores can sort on it.
 */
public record FeedPosition(Instant publishedAt, String videoId) implements Comparable<FeedPosition> {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");

    public FeedPosition {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(videoId, "videoId");
    }

    public String sortKey() {
        return TIMESTAMP.format(LocalDateTime.ofInstant(publishedAt, ZoneOffset.UTC)) + "#" + videoId;
    }

    /** Parses a {@link #sortKey()}; throws {@link IllegalArgumentException} for anything else. */
    public static FeedPosition parse(String sortKey) {
        int hash = sortKey == null ? -1 : sortKey.indexOf('#');
        if (hash < 0 || hash == sortKey.length() - 1) {
            throw new IllegalArgumentException("Not a feed position");
        }
        try {
            Instant at = LocalDateTime.parse(sortKey.substring(0, hash), TIMESTAMP).toInstant(ZoneOffset.UTC);
            return new FeedPosition(at, sortKey.substring(hash + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a feed position", e);
        }
    }

    @Override
    public int compareTo(FeedPosition other) {
        return sortKey().compareTo(other.sortKey());
    }
}
