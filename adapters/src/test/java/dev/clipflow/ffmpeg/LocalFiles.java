package dev.clipflow.ffmpeg;

import dev.clipflow.media.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;

/** A test double of the object store over one local folder (keys are file names); only reads are supported. */
final class LocalFiles implements ObjectStore {
    private final Path dir;

    LocalFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        Path file = dir.resolve(key);
        try {
            return Files.exists(file) ? Optional.of(new ObjectInfo(Files.size(file), null, null)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream read(String bucket, String key, long offset) {
        Path file = dir.resolve(key);
        if (!Files.exists(file)) {
            throw new NoSuchElementException(key);
        }
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void download(String bucket, String key, Path target) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public long upload(String bucket, String key, Path source, String contentType) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public void delete(String bucket, String key) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public int deletePrefix(String bucket, String prefix) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public int copyPrefix(String bucket, String fromPrefix, String toPrefix) {
        throw new UnsupportedOperationException("not needed by the tests");
    }
}
