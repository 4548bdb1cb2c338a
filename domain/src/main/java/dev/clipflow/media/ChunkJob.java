package dev.clipflow.media;

import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One chunk of a chunked transcode: every rung of the ladder for the chunk's time range, with key
 * frames and segments on the same grid as a one-pass encode, and the chunk's share of the thumbnails.
 *
 * @param source a local file ({@code file:}) or a loopback URL that serves the source's bytes by range
 *               ({@code http://127.0.0.1:...}); the transcoder reads only what the chunk needs
 */
public record ChunkJob(URI source, MediaInfo media, List<RenditionSpec> ladder, ChunkSpec chunk, Path outputDir,
                       Duration timeout) {
    public ChunkJob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(timeout, "timeout");
        ladder = List.copyOf(ladder);
        if (ladder.isEmpty()) {
            throw new IllegalArgumentException("The ladder has no rendition");
        }
    }
}
