package dev.clipflow.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Object storage (port): S3 in AWS, S3Proxy in tests and locally. Keys are plain (decoded) keys.
 * Adapter failures that may succeed on retry are thrown as
 * {@link dev.clipflow.pipeline.TransientStageException}.
 */
public interface ObjectStore {

    /** Size and metadata of an object, empty when there is none. */
    Optional<ObjectInfo> head(String bucket, String key);

    /** Writes the object to {@code target}, replacing it. */
    void download(String bucket, String key, Path target);

    /**
     * Opens the object from byte {@code offset} to its end (a ranged read). Closing the stream before its
     * end abandons the rest of the object without reading it.
     *
     * @throws java.util.NoSuchElementException when there is no such object
     */
    InputStream read(String bucket, String key, long offset);

    /** Uploads a file; returns its size in bytes. */
    long upload(String bucket, String key, Path source, String contentType);

    void delete(String bucket, String key);

    /** Deletes every object under the prefix; returns how many were deleted. */
    int deletePrefix(String bucket, String prefix);

    /**
     * Copies every object under {@code fromPrefix} to the same path under {@code toPrefix} in the same bucket, inside
     * the store (no bytes through the caller), replacing what is there; returns how many were copied. Both prefixes
     * are folders (end with {@code /}).
     */
    int copyPrefix(String bucket, String fromPrefix, String toPrefix);

    /** Object metadata. */
    record ObjectInfo(long size, String contentType, String eTag) {
    }
}
