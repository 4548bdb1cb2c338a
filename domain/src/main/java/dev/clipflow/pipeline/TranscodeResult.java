package dev.clipflow.pipeline;

import dev.clipflow.cost.StageUsage;
import java.util.List;

/** The transcode stage's result: every key it wrote lies under {@code MediaKeys.outputPrefix(videoId)}. */
public record TranscodeResult(String masterPlaylistKey, String posterKey, String spriteKey, String spriteIndexKey,
                              List<Rendition> renditions, long bytesStored,
                              StageUsage usage) {
    public TranscodeResult {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }
}
