package dev.clipflow.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An {@link ObjectStore} of keys only, in memory (test double; only what deletions and visibility changes use). Not
 * final: a test may override a method to make something happen during it.
 */
public class InMemoryObjectStore implements ObjectStore {
    private final Map<String, TreeSet<String>> buckets = new TreeMap<>();

    public synchronized void put(String bucket, String key) {
        buckets.computeIfAbsent(bucket, b -> new TreeSet<>()).add(key);
    }

    public synchronized List<String> keys(String bucket) {
        return List.copyOf(buckets.getOrDefault(bucket, new TreeSet<>()));
    }

    @Override
    public synchronized Optional<ObjectInfo> head(String bucket, String key) {
        return keys(bucket).contains(key) ? Optional.of(new ObjectInfo(0, null, null)) : Optional.empty();
    }

    @Override
    public void download(String bucket, String key, Path target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InputStream read(String bucket, String key, long offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long upload(String bucket, String key, Path source, String contentType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void delete(String bucket, String key) {
        buckets.getOrDefault(bucket, new TreeSet<>()).remove(key);
    }

    @Override
    public synchronized int deletePrefix(String bucket, String prefix) {
        TreeSet<String> keys = buckets.getOrDefault(bucket, new TreeSet<>());
        List<String> gone = keys.stream().filter(k -> k.startsWith(prefix)).toList();
        gone.forEach(keys::remove);
        return gone.size();
    }

    @Override
    public synchronized int copyPrefix(String bucket, String fromPrefix, String toPrefix) {
        TreeSet<String> keys = buckets.computeIfAbsent(bucket, b -> new TreeSet<>());
        List<String> copied = keys.stream().filter(k -> k.startsWith(fromPrefix))
                .map(k -> toPrefix + k.substring(fromPrefix.length())).toList();
        keys.addAll(copied);
        return copied.size();
    }
}
