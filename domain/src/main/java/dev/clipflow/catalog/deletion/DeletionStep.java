package dev.clipflow.catalog.deletion;

/**
 * The steps of the {@code VideoDeletion} workflow (statemachine/video-deletion.asl.json), in order. Each is done at
 * most once per video: it is recorded on the video when done, and a repeat skips it (docs/adr/0014).
 */
public enum DeletionStep {
    /** Stops the video's running pipeline execution, if any (a video deleted while PROCESSING). */
    STOP_PIPELINE,
    /** Takes the video out of every feed, related list, the term index, co-views and histories (VideoUnlisting). */
    UNLIST,
    /** Deletes its media (videos/{id}/, restricted/{id}/) and its source upload, then invalidates the CDN paths. */
    MEDIA,
    /** Tombstones the record (DELETED, metadata removed, expiry set) and publishes Video Deleted. */
    TOMBSTONE
}
