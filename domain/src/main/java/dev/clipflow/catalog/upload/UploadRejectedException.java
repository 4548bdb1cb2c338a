package dev.clipflow.catalog.upload;

import java.util.Objects;

/**
 * Thrown when a requested upload breaks the channel's limits; nothing has been stored or counted
 * when it is thrown. The message is a sentence the creator can act on.
 */
public class UploadRejectedException extends RuntimeException {
    /** Why an upload was refused. */
    public enum Reason {
        /** The declared size is zero or negative. */
        EMPTY,
        /** The declared size is above the channel's maximum (or S3's 5 TiB). */
        TOO_LARGE,
        /** The content type is not one the channel accepts. */
        CONTENT_TYPE_NOT_ALLOWED,
        /** The declared length is not positive or above the channel's longest video. */
        TOO_LONG,
        /** The channel already started as many uploads today (UTC) as it may. */
        DAILY_LIMIT_REACHED
    }

    private final Reason reason;

    public UploadRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
