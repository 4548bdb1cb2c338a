package dev.clipflow.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with a time limit, draining stdout fully and keeping only the head and the tail of stderr: the
 * first diagnostics (where a decoder says why nothing decodes) and the last (how the process ended). The process
 * gets an empty environment: ffmpeg parses strangers' files and must not hold the function's AWS credentials.
 */
final class ProcessRunner {
    static final int STDERR_PART_BYTES = 4096;
    static final int STDERR_HEAD_LINES = 10;
    static final int STDERR_TAIL_LINES = 15;
    static final String ELIDED = "[...]";

    private ProcessRunner() {
    }

    /**
     * Runs the command to completion.
     *
     * @throws FfmpegFailedException  when it cannot be started
     * @throws FfmpegTimeoutException when it runs past the timeout (it is killed)
     */
    static ProcessResult run(List<String> command, Duration timeout) {
        String name = command.getFirst();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new FfmpegFailedException("Cannot start " + name + ": " + e.getMessage()
                    + " (set FFMPEG_PATH/FFPROBE_PATH or install ffmpeg)", -1, e);
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                Thread::startVirtualThread);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> headAndTail(process.getErrorStream()),
                Thread::startVirtualThread);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new FfmpegTimeoutException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new ProcessResult(process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FfmpegFailedException(name + " was interrupted", -1, e);
        } catch (ExecutionException e) {
            throw new FfmpegFailedException("Cannot read the output of " + name, -1, e.getCause());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first lines and the last lines of {@code in}, "[...]" between them when some were left out. */
    static String headAndTail(InputStream in) {
        byte[] head = new byte[STDERR_PART_BYTES];
        byte[] ring = new byte[STDERR_PART_BYTES];
        long total = 0;
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++, total++) {
                    if (total < head.length) {
                        head[(int) total] = buffer[i];
                    }
                    ring[(int) (total % ring.length)] = buffer[i];
                }
            }
        } catch (IOException e) {
            // What was read so far is still worth reporting.
        }
        List<String> all = new String(head, 0, (int) Math.min(total, head.length), StandardCharsets.UTF_8).lines()
                .toList();
        if (total <= head.length && all.size() <= STDERR_HEAD_LINES + STDERR_TAIL_LINES) {
            return String.join("\n", all).strip();
        }
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        int start = (int) (total % ring.length);
        if (total > ring.length) {
            tail.write(ring, start, ring.length - start);
        }
        tail.write(ring, 0, total > ring.length ? start : (int) total);
        List<String> first = all.subList(0, Math.min(STDERR_HEAD_LINES, all.size()));
        List<String> last = tail.toString(StandardCharsets.UTF_8).strip().lines().toList();
        last = last.subList(Math.max(0, last.size() - STDERR_TAIL_LINES), last.size());
        return (String.join("\n", first).strip() + "\n" + ELIDED + "\n" + String.join("\n", last)).strip();
    }
}
