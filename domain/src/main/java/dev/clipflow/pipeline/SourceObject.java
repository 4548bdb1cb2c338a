package dev.clipflow.pipeline;

/**
 * The uploaded object a pipeline execution processes. {@code key} is URL-decoded.
 *
 * @param sequencer the S3 event sequencer (orders events on one key); may be null
 */
public record SourceObject(String bucket, String key, long size, String eTag, String versionId, String sequencer) {
}
