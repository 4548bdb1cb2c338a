package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;
import java.net.URI;
import java.nio.file.Path;

/** Reads what a source file holds (port; ffprobe in production). */
public interface MediaProber {

    /**
     * Probes a local file.
     *
     * @throws MediaRejectedException when the file is empty, not a video, audio only, truncated or corrupt
     */
    MediaInfo probe(Path file);

    /**
     * Probes a source of {@code size} bytes at a local file ({@code file:}) or a loopback URL that serves it by
     * range (reading its header and index, not all of it).
     *
     * @throws MediaRejectedException when the source is empty, not a video, audio only, truncated or corrupt
     */
    MediaInfo probe(URI source, long size);
}
