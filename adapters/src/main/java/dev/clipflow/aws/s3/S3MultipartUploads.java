package dev.clipflow.aws.s3;

import dev.clipflow.catalog.upload.MultipartUploads;
import dev.clipflow.catalog.upload.UploadNotOpenException;
import dev.clipflow.catalog.upload.UploadPartsInvalidException;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.TransientStageException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link MultipartUploads} on one S3 bucket: starts uploads with the SDK and presigns each
 * {@code UploadPart} so the client sends bytes straight to S3 (they never pass through Lambda).
 */
public final class S3MultipartUploads implements MultipartUploads {
    private static final Set<String> BAD_PARTS = Set.of("InvalidPart", "InvalidPartOrder", "EntityTooSmall",
            "MalformedXML", "InvalidRequest");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3MultipartUploads(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public String start(String key, String contentType) {
        return call("CreateMultipartUpload", () -> s3.createMultipartUpload(r -> r.bucket(bucket).key(key)
                .contentType(contentType)).uploadId());
    }

    @Override
    public URI presignPart(String key, String uploadId, int partNumber, long sizeBytes, Duration ttl) {
        var presigned = presigner.presignUploadPart(r -> r.signatureDuration(ttl)
                .uploadPartRequest(p -> p.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength(sizeBytes)));
        if (!presigned.signedHeaders().containsKey("content-length")) {
            throw new IllegalStateException("The presigned UploadPart URL does not sign Content-Length");
        }
        return URI.create(presigned.url().toString());
    }

    @Override
    public void complete(String key, String uploadId, List<CompletedPart> parts) {
        List<software.amazon.awssdk.services.s3.model.CompletedPart> completed = parts.stream()
                .map(p -> software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                        .partNumber(p.partNumber()).eTag(p.eTag()).build())
                .toList();
        try {
            call("CompleteMultipartUpload", () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(completed))));
        } catch (NoSuchUploadException e) {
            throw new UploadNotOpenException(videoId(key));
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("NoSuchUpload".equals(code)) {
                throw new UploadNotOpenException(videoId(key));
            }
            if (BAD_PARTS.contains(code)) {
                throw new UploadPartsInvalidException("The parts do not match what was uploaded: every part but "
                        + "the last must be complete, and each ETag must be the one its upload returned.", e);
            }
            throw e;
        }
    }

    @Override
    public void abort(String key, String uploadId) {
        try {
            call("AbortMultipartUpload", () -> s3.abortMultipartUpload(r -> r.bucket(bucket).key(key)
                    .uploadId(uploadId)));
        } catch (NoSuchUploadException e) {
            // already aborted or completed: nothing to free
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }

    private static String videoId(String key) {
        return MediaKeys.parseUpload(key).map(MediaKeys.UploadKey::videoId).orElse(key);
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            boolean transientFailure = e instanceof SdkClientException
                    || (e instanceof AwsServiceException s && (s.isThrottlingException() || s.statusCode() >= 500));
            if (transientFailure) {
                throw new TransientStageException("S3 " + operation + " failed transiently: "
                        + e.getClass().getSimpleName(), e);
            }
            throw e;
        }
    }
}
