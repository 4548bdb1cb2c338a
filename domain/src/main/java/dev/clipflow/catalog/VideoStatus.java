package dev.clipflow.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a video. A video is created {@link #AWAITING_UPLOAD}, becomes {@link #PROCESSING}
 * once its upload has been accepted by ingest, and ends {@link #PUBLISHED} or {@link #FAILED}.
 * A creator may also abort an upload, which ends the video {@link #FAILED}.
 */
public enum VideoStatus {
    AWAITING_UPLOAD,
    PROCESSING,
    PUBLISHED,
    FAILED;

    /** The statuses this one may move to. Terminal statuses move nowhere. */
    public Set<VideoStatus> successors() {
        return switch (this) {
            case AWAITING_UPLOAD -> EnumSet.of(PROCESSING, FAILED);
            case PROCESSING -> EnumSet.of(PUBLISHED, FAILED);
            case PUBLISHED, FAILED -> EnumSet.noneOf(VideoStatus.class);
        };
    }

    public boolean canMoveTo(VideoStatus next) {
        return successors().contains(next);
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }
}
