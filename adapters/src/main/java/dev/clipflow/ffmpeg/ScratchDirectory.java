package dev.clipflow.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A private folder under {@code WORK_DIR} (default {@code /tmp}) for one invocation, deleted with everything in it
 * on {@link #close()}. Lambda keeps {@code /tmp} between invocations of a warm instance, so a stage that leaves
 * files behind fills it up; and an invocation that is killed (Lambda's timeout, out of memory) never reaches its
 * {@code close()}. So each folder holds a lock on its {@link #LOCK_FILE} while it is in use, and creating a folder
 * first deletes every {@link #PREFIX} folder under the same root whose lock nobody holds: what a killed invocation
 * left (its process is gone, so is its lock). A folder in use by another invocation, in this JVM or another
 * process, keeps its lock and is left alone (folders of this class's own invocations are known without touching
 * their lock: closing any channel on a file drops the process's POSIX lock on it).
 */
public final class ScratchDirectory implements AutoCloseable {
    /** The name every scratch folder starts with; nothing else under WORK_DIR is ever deleted. */
    public static final String PREFIX = "clipflow-scratch-";
    /** The file inside a scratch folder that its invocation holds a lock on. */
    public static final String LOCK_FILE = ".in-use";
    /**
     * A folder without a lock file is left alone this long after its last change: it may be one being created this
     * instant (the lock file comes right after the folder).
     */
    static final Duration UNLOCKED_GRACE = Duration.ofMinutes(1);
    /** The folders of this class's invocations in progress. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Stale removed;

    /** What creating a folder removed: stale folders and their bytes. */
    public record Stale(int folders, long bytes) {
    }

    private ScratchDirectory(Path path, FileChannel lockChannel, FileLock lock, Stale removed) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.removed = removed;
    }

    /** Deletes the stale folders a killed invocation left under {@code workDir}, then creates this one's. */
    public static ScratchDirectory create(String workDir, String label) {
        Path root = Path.of(workDir == null || workDir.isBlank() ? System.getProperty("java.io.tmpdir") : workDir);
        try {
            Files.createDirectories(root);
            Stale removed = removeStale(root);
            Path dir = Files.createTempDirectory(root, PREFIX + label + "-");
            IN_USE.add(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new ScratchDirectory(dir, channel, channel.lock(), removed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder under " + root, e);
        }
    }

    /** Deletes every scratch folder under {@code root} that no running invocation holds. */
    static Stale removeStale(Path root) {
        int folders = 0;
        long bytes = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path folder : entries) {
                if (Files.isDirectory(folder) && !IN_USE.contains(folder) && isStale(folder)) {
                    bytes += size(folder);
                    deleteTree(folder);
                    folders++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Unreadable: this invocation's own folder is still created; the space check reports a full disk.
        }
        return new Stale(folders, bytes);
    }

    /** Whether nobody holds the folder: its lock is free, or it has no lock file and is past the grace time. */
    private static boolean isStale(Path folder) throws IOException {
        Path lockFile = folder.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            Instant changed = Files.getLastModifiedTime(folder).toInstant();
            return changed.isBefore(Instant.now().minus(UNLOCKED_GRACE));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException inUseInThisJvm) {
            return false;
        }
    }

    public Path path() {
        return path;
    }

    /** The stale folders creating this one removed. */
    public Stale staleRemoved() {
        return removed;
    }

    /** Bytes free on the scratch file system. */
    public long usableSpace() {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        deleteTree(path);
        IN_USE.remove(path);
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // The folder is gone; a lock on a deleted file protects nothing.
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Already gone or unreadable: nothing more to free.
        }
    }
}
