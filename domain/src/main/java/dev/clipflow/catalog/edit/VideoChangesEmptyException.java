package dev.clipflow.catalog.edit;

/** Thrown when an edit names no field to change (an empty {@code PATCH} body). Permanent. */
public class VideoChangesEmptyException extends RuntimeException {
    public VideoChangesEmptyException() {
        super("The edit changes nothing: send at least one of title, description, tags, visibility.");
    }
}
