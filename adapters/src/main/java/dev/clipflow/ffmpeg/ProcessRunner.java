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
 * Runs a command with a time limit, draining stdout fully and keeping only the tail of stderr. The process gets
 * an empty environment: ffmpeg parses strangers' files and must not hold the function's AWS credentials.
 */
final class ProcessRunner {
    static final int STDERR_TAIL_BYTES = 4096;
    static final int STDERR_TAIL_LINES = 15;

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
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()),
                Thread::startVirtualThread);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new FfmpegTimeoutException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new ProcessResult(process.exitValue(), stdout.get(), lastLines(stderr.get()));
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

    private static String tail(InputStream in) {
        byte[] ring = new byte[STDERR_TAIL_BYTES];
        long total = 0;
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    ring[(int) (total++ % ring.length)] = buffer[i];
                }
            }
        } catch (IOException e) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (total <= ring.length) {
            out.write(ring, 0, (int) total);
        } else {
            int start = (int) (total % ring.length);
            out.write(ring, start, ring.length - start);
            out.write(ring, 0, start);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String lastLines(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
    }
}
