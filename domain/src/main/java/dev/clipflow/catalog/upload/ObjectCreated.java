package dev.clipflow.catalog.upload;

import java.util.Objects;

/**
 * One "object created" fact read from an S3 event, whichever way it was delivered.
 *
 * @param key       the URL-decoded key
 * @param rawKey    the key as the event carried it (URL-encoded)
 * @param eTag      without quotes; may be null
 * @param versionId null for an unversioned bucket
 * @param sequencer may be null
 * @param shape     which delivery shape carried it
 */
public record ObjectCreated(String bucket, String key, String rawKey, long size, String eTag, String versionId,
                            String sequencer, Shape shape) {
    public ObjectCreated {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rawKey, "rawKey");
        Objects.requireNonNull(shape, "shape");
    }

    /** The two ways S3 tells about a new object. */
    public enum Shape {
        /** A direct S3 event notification: {@code Records[].s3}. */
        S3_NOTIFICATION,
        /** An EventBridge "Object Created" event: {@code detail.object}. */
        EVENTBRIDGE
    }
}
