package dev.clipflow.aws.s3;

import dev.clipflow.media.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** Uploads a transcode's or a chunk's output files, a few at a time, with the content type a player expects. */
public final class OutputUploader {
    static final int PARALLEL_UPLOADS = 16;
    /** How long a stopped upload waits for the requests in flight to end. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final ObjectStore store;

    public OutputUploader(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What an upload stored. */
    public record Uploaded(long bytes, int objects) {
    }

    /** Uploads every file below {@code dir} to {@code prefix + relative path}. */
    public Uploaded upload(Path dir, String bucket, String prefix) {
        return upload(dir, bucket, prefix, null);
    }

    /**
     * Uploads every file below {@code dir} to {@code prefix + relative path} within {@code deadline} (null: no
     * deadline).
     *
     * @throws OutputUploadTimeoutException when the deadline passes first
     */
    public Uploaded upload(Path dir, String bucket, String prefix, Duration deadline) {
        return upload(keys(dir, prefix), bucket, deadline);
    }

    private static Map<Path, String> keys(Path dir, String prefix) {
        Map<Path, String> keys = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> keys.put(f, prefix + dir.relativize(f).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the outputs", e);
        }
        return keys;
    }

    /** Uploads each file to its key. */
    public Uploaded upload(Map<Path, String> keys, String bucket) {
        return upload(keys, bucket, null);
    }

    /**
     * Uploads each file to its key within {@code deadline} (null: no deadline). When the deadline passes, no
     * further upload starts, those in flight are interrupted (waiting at most {@link #STOP_GRACE} for them), and
     * the upload fails: the function answers with a named error before Lambda's own timeout would kill it.
     *
     * @throws OutputUploadTimeoutException when the deadline passes first
     */
    public Uploaded upload(Map<Path, String> keys, String bucket, Duration deadline) {
        long started = System.nanoTime();
        long end = deadline == null ? Long.MAX_VALUE : started + Math.max(0, deadline.toNanos());
        Semaphore slots = new Semaphore(PARALLEL_UPLOADS);
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<Long>> uploads = new ArrayList<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        int done = 0;
        try {
            keys.forEach((file, key) -> uploads.add(executor.submit(() -> {
                slots.acquire();
                try {
                    if (stopped.get()) {
                        throw new CancellationException("The upload deadline passed");
                    }
                    return store.upload(bucket, key, file, contentType(file));
                } finally {
                    slots.release();
                }
            })));
            long bytes = 0;
            for (Future<Long> upload : uploads) {
                bytes += deadline == null ? upload.get()
                        : upload.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                done++;
            }
            return new Uploaded(bytes, uploads.size());
        } catch (TimeoutException e) {
            stopped.set(true);
            stop(executor);
            throw new OutputUploadTimeoutException(String.format(Locale.ROOT,
                    "Uploading %d outputs did not finish within its deadline of %.1f s (%d stored); stopped",
                    keys.size(), deadline.toMillis() / 1000.0, done));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while uploading", e);
        } finally {
            stopped.set(true);
            stop(executor);
        }
    }

    /** Interrupts the uploads still running and waits a little for them to end. */
    private static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        } else if (name.endsWith(".ts")) {
            return "video/mp2t";
        } else if (name.endsWith(".jpg")) {
            return "image/jpeg";
        } else if (name.endsWith(".bmp")) {
            return "image/bmp";
        } else if (name.endsWith(".vtt")) {
            return "text/vtt";
        } else if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
