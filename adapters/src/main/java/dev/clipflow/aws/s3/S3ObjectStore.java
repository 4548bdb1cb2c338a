package dev.clipflow.aws.s3;

import dev.clipflow.media.ObjectStore;
import dev.clipflow.pipeline.TransientStageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on S3. Throttling, 5xx answers and I/O failures become
 * {@link TransientStageException} (the state machine retries them); anything else propagates.
 */
public final class S3ObjectStore implements ObjectStore {
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        return call("head " + bucket, () -> {
            try {
                HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
                return Optional.of(new ObjectInfo(r.contentLength(), r.contentType(), r.eTag()));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void download(String bucket, String key, Path target) {
        call("download from " + bucket, () -> {
            try {
                Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".download", ".part");
                Files.deleteIfExists(tmp);
                s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(tmp));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                return null;
            } catch (java.io.IOException e) {
                throw new TransientStageException("Could not write the download to local disk: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public InputStream read(String bucket, String key, long offset) {
        return call("read from " + bucket, () -> {
            try {
                return new AbortingStream(s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + offset + "-")));
            } catch (NoSuchKeyException e) {
                throw new NoSuchElementException("No object " + key + " in " + bucket);
            } catch (S3Exception e) {
                if (e.statusCode() == 416) {
                    return InputStream.nullInputStream();
                }
                if (e.statusCode() == 404) {
                    throw new NoSuchElementException("No object " + key + " in " + bucket);
                }
                throw e;
            }
        });
    }

    /** Closing before the end aborts the connection instead of draining the rest of a large object. */
    private static final class AbortingStream extends FilterInputStream {
        private final ResponseInputStream<?> response;
        private boolean ended;

        AbortingStream(ResponseInputStream<?> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                response.abort();
            }
            super.close();
        }
    }

    @Override
    public long upload(String bucket, String key, Path source, String contentType) {
        return call("upload to " + bucket, () -> {
            try {
                long size = Files.size(source);
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                        RequestBody.fromFile(source));
                return size;
            } catch (java.io.IOException e) {
                throw new TransientStageException("Could not read " + source.getFileName() + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void delete(String bucket, String key) {
        call("delete in " + bucket, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    @Override
    public int deletePrefix(String bucket, String prefix) {
        if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("Refusing to delete a prefix that is empty or not a folder: " + prefix);
        }
        return call("delete prefix in " + bucket, () -> {
            int deleted = 0;
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == DELETE_BATCH) {
                    deleted += deleteBatch(bucket, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                deleted += deleteBatch(bucket, batch);
            }
            return deleted;
        });
    }

    /**
     * One {@code CopyObject} per object listed under {@code fromPrefix} (server-side; objects over 5 GB, which
     * CopyObject refuses, are not media this pipeline writes: its segments and playlists are small).
     */
    @Override
    public int copyPrefix(String bucket, String fromPrefix, String toPrefix) {
        for (String prefix : List.of(fromPrefix, toPrefix)) {
            if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("Not a folder prefix: " + prefix);
            }
        }
        return call("copy prefix in " + bucket, () -> {
            int copied = 0;
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(fromPrefix)).contents()) {
                String target = toPrefix + object.key().substring(fromPrefix.length());
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(object.key())
                        .destinationBucket(bucket).destinationKey(target));
                copied++;
            }
            return copied;
        });
    }

    private int deleteBatch(String bucket, List<ObjectIdentifier> keys) {
        var response = s3.deleteObjects(b -> b.bucket(bucket)
                .delete(Delete.builder().objects(keys).quiet(true).build()));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new TransientStageException(
                    response.errors().size() + " objects could not be deleted from " + bucket);
        }
        return keys.size();
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (S3Exception e) {
            if (isTransient(e)) {
                throw new TransientStageException("S3 " + what + " failed (" + e.statusCode() + "): "
                        + e.awsErrorDetails().errorCode(), e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new TransientStageException("S3 " + what + " failed: " + e.getMessage(), e);
        }
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof S3Exception s3e) {
            return s3e.statusCode() >= 500 || s3e.statusCode() == 429 || s3e.isThrottlingException();
        }
        return e.retryable();
    }
}
