package dev.clipflow.catalog.upload;

/** Thrown when a video's title, description or tags break {@link VideoMetadata}'s rules. */
public class VideoMetadataInvalidException extends RuntimeException {
    private final String field;

    public VideoMetadataInvalidException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field: {@code title}, {@code description}, {@code tags} or {@code name}. */
    public String field() {
        return field;
    }
}
