package dev.clipflow.aws.s3;

import dev.clipflow.media.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/** Uploads a transcode's or a chunk's output files, a few at a time, with the content type a player expects. */
public final class OutputUploader {
    static final int PARALLEL_UPLOADS = 16;

    private final ObjectStore store;

    public OutputUploader(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What an upload stored. */
    public record Uploaded(long bytes, int objects) {
    }

    /** Uploads every file below {@code dir} to {@code prefix + relative path}. */
    public Uploaded upload(Path dir, String bucket, String prefix) {
        Map<Path, String> keys = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> keys.put(f, prefix + dir.relativize(f).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the outputs", e);
        }
        return upload(keys, bucket);
    }

    /** Uploads each file to its key. */
    public Uploaded upload(Map<Path, String> keys, String bucket) {
        Semaphore slots = new Semaphore(PARALLEL_UPLOADS);
        List<Future<Long>> uploads = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            keys.forEach((file, key) -> uploads.add(executor.submit(() -> {
                slots.acquire();
                try {
                    return store.upload(bucket, key, file, contentType(file));
                } finally {
                    slots.release();
                }
            })));
            long bytes = 0;
            for (Future<Long> upload : uploads) {
                bytes += upload.get();
            }
            return new Uploaded(bytes, uploads.size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while uploading", e);
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
