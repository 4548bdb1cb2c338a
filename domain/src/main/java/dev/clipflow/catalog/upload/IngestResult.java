package dev.clipflow.catalog.upload;

/** What {@link UploadIngest} did with one created object. */
public enum IngestResult {
    /** A pipeline execution was started for the object. */
    STARTED,
    /** The execution for this object already existed (a repeated delivery); nothing new started. */
    ALREADY_STARTED,
    /** The key is outside {@code uploads/{channelId}/{videoId}/{fileName}}; logged, nothing done. */
    REJECTED_KEY,
    /** The object is in another bucket than UPLOADS_BUCKET; logged, nothing done. */
    REJECTED_BUCKET,
    /** No video expects this key; the orphan object was deleted. */
    ORPHAN_DELETED,
    /** The object broke the declared size or the channel's limits: deleted, video FAILED. */
    LIMIT_VIOLATION,
    /** The video already ended (PUBLISHED, or FAILED and its late object deleted), or the object is gone. */
    IGNORED
}
