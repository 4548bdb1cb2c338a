package dev.clipflow.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a video. A video is created {@link #AWAITING_UPLOAD}, becomes {@link #PROCESSING}
 * once its upload has been accepted by ingest, and ends {@link #PUBLISHED} or {@link #FAILED}.
 * A creator may also abort an upload, which ends the video {@link #FAILED}. A creator may delete a video in any of
 * these statuses: it becomes {@link #DELETING} while the deletion workflow runs, then {@link #DELETED}, a tombstone
 * kept for the audit period (docs/adr/0014).
 */
public enum VideoStatus {
    AWAITING_UPLOAD,
    PROCESSING,
    PUBLISHED,
    FAILED,
    DELETING,
    DELETED;

    /** The statuses this one may move to. Terminal statuses move nowhere. */
    public Set<VideoStatus> successors() {
        return switch (this) {
            case AWAITING_UPLOAD -> EnumSet.of(PROCESSING, FAILED, DELETING);
            case PROCESSING -> EnumSet.of(PUBLISHED, FAILED, DELETING);
            case PUBLISHED, FAILED -> EnumSet.of(DELETING);
            case DELETING -> EnumSet.of(DELETED);
            case DELETED -> EnumSet.noneOf(VideoStatus.class);
        };
    }

    /** Whether the video is being or has been deleted: no upload, pipeline or sweep step may touch it. */
    public boolean isDeleted() {
        return this == DELETING || this == DELETED;
    }

    public boolean canMoveTo(VideoStatus next) {
        return successors().contains(next);
    }

    /**
     * Whether the upload pipeline and the sweeper are done with a video in this status: PUBLISHED, FAILED, and the
     * deletion statuses (which only the deletion workflow moves on).
     */
    public boolean isTerminal() {
        return this != AWAITING_UPLOAD && this != PROCESSING;
    }
}
