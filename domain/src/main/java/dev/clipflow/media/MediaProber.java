package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;
import java.nio.file.Path;

/** Reads what a source file holds (port; ffprobe in production). */
public interface MediaProber {

    /**
     * Probes a local file.
     *
     * @throws MediaRejectedException when the file is empty, not a video, audio only, truncated or corrupt
     */
    MediaInfo probe(Path file);
}
