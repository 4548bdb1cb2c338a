package dev.clipflow.local.runtime.demo;

import dev.clipflow.testing.media.LocalFfmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates the demo's source video with ffmpeg: a test pattern with a tone, H.264/AAC in MP4. */
public final class DemoVideo {

    private DemoVideo() {
    }

    /**
     * @param size e.g. {@code 1280x720}
     * @throws DemoFailedException when ffmpeg cannot run or fails
     */
    public static Path generate(Path dir, String size, int seconds) {
        Path out = dir.resolve("clipflow-demo-" + size + "-" + seconds + "s.mp4");
        String ffmpeg = LocalFfmpeg.install().ffmpeg().toString();
        List<String> cmd = List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=30:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", "-shortest", out.toString());
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new DemoFailedException("ffmpeg could not generate the demo video: " + log.strip());
            }
            return out;
        } catch (IOException e) {
            throw new DemoFailedException("Cannot run " + ffmpeg + " (FFMPEG_PATH, else the release fetched into "
                    + LocalFfmpeg.defaultCache() + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted while generating the demo video"));
        }
    }
}
