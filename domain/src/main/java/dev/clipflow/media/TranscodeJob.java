package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One transcode: a local source, what the probe found, the planned ladder, where to write, and how
 * long the encoder may run before it is stopped.
 */
public record TranscodeJob(Path source, MediaInfo media, List<RenditionSpec> ladder, Path outputDir,
                           Duration timeout) {
    public TranscodeJob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(timeout, "timeout");
        ladder = List.copyOf(ladder);
        if (ladder.isEmpty()) {
            throw new IllegalArgumentException("The ladder has no rendition");
        }
    }
}
