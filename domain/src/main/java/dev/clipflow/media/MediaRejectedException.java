package dev.clipflow.media;

import java.util.Objects;

/**
 * Thrown when a source file cannot be turned into a video because of the file itself: empty, not a
 * video, audio only, truncated, corrupt, too long or too large, beyond what a decoder is allowed (frame
 * rate, coded size, pixel rate), or forecast to cost more than its channel's ceiling. Permanent: retrying the same file
 * fails the same way. The message starts with the reason's explanation for the creator; the
 * detail (e.g. the tail of ffprobe's output) follows for operators.
 */
public class MediaRejectedException extends RuntimeException {
    private final MediaRejectionReason reason;

    public MediaRejectedException(MediaRejectionReason reason, String detail) {
        super(message(reason, detail));
        this.reason = reason;
    }

    public MediaRejectedException(MediaRejectionReason reason, String detail, Throwable cause) {
        super(message(reason, detail), cause);
        this.reason = reason;
    }

    public MediaRejectionReason reason() {
        return reason;
    }

    private static String message(MediaRejectionReason reason, String detail) {
        Objects.requireNonNull(reason, "reason");
        String text = reason.name() + ": " + reason.explanation();
        return detail == null || detail.isBlank() ? text : text + " (" + detail.strip() + ")";
    }
}
