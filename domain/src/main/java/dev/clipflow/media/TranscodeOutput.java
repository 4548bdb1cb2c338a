package dev.clipflow.media;

import java.nio.file.Path;
import java.util.List;

/**
 * What a transcode wrote. Paths other than {@code directory} are relative to it, with {@code /}
 * separators, so that {@code MediaKeys.outputPrefix(videoId) + path} is the object key.
 */
public record TranscodeOutput(Path directory, String masterPlaylist, List<ProducedRendition> renditions,
                              String poster, String sprite, String spriteIndex) {
    public TranscodeOutput {
        renditions = List.copyOf(renditions);
    }
}
