package dev.clipflow.catalog.upload;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Multipart uploads into the uploads bucket (port): S3 in AWS, S3Proxy in tests. The bucket is
 * bound by the adapter; keys are plain (decoded) keys. Failures that may succeed on retry are
 * thrown as {@link dev.clipflow.pipeline.TransientStageException}.
 */
public interface MultipartUploads {

    /** Starts a multipart upload and returns its upload id. */
    String start(String key, String contentType);

    /**
     * A presigned {@code UploadPart} URL valid for {@code ttl} that signs the part's exact length: the client PUTs
     * exactly {@code sizeBytes} bytes to it (with that {@code Content-Length}); S3 refuses any other length (403).
     */
    URI presignPart(String key, String uploadId, int partNumber, long sizeBytes, Duration ttl);

    /**
     * Completes the upload from its parts (ascending part numbers). The object's size is not read
     * back (that would need read access to uploads); ingest checks it against the declared size.
     *
     * @throws UploadPartsInvalidException when a part is missing, too small or its ETag does not match
     * @throws UploadNotOpenException      when the upload id is unknown (completed or aborted already)
     */
    void complete(String key, String uploadId, List<CompletedPart> parts);

    /** Aborts the upload and frees its parts; aborting an unknown or finished upload is a no-op. */
    void abort(String key, String uploadId);

    /** A part the client uploaded, with the ETag S3 answered. */
    record CompletedPart(int partNumber, String eTag) {
    }
}
