package dev.clipflow.transcode;

import dev.clipflow.media.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/** Uploads a transcode's output folder under a key prefix, a few files at a time. */
final class OutputUploader {
    static final int PARALLEL_UPLOADS = 16;

    private final ObjectStore store;

    OutputUploader(ObjectStore store) {
        this.store = store;
    }

    /** Uploads every file below {@code dir} to {@code prefix + relative path}; returns the bytes stored. */
    long upload(Path dir, String bucket, String prefix) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the outputs", e);
        }
        Semaphore slots = new Semaphore(PARALLEL_UPLOADS);
        List<Future<Long>> uploads = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Path file : files) {
                String key = prefix + dir.relativize(file).toString().replace('\\', '/');
                uploads.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return store.upload(bucket, key, file, contentType(file));
                    } finally {
                        slots.release();
                    }
                }));
            }
            long bytes = 0;
            for (Future<Long> upload : uploads) {
                bytes += upload.get();
            }
            return bytes;
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

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        } else if (name.endsWith(".ts")) {
            return "video/mp2t";
        } else if (name.endsWith(".jpg")) {
            return "image/jpeg";
        } else if (name.endsWith(".vtt")) {
            return "text/vtt";
        }
        return "application/octet-stream";
    }
}
