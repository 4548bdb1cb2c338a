package dev.clipflow.catalog.events;

import dev.clipflow.catalog.Video;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A chunk of a PROCESSING video's chunked transcode finished ({@code Stage Progress}): the stage ({@code
 * transcode}), the video's progress, and how many of its chunks are done of how many.
 */
public record StageProgressed(Subject subject, Video.Progress progress, int chunksDone, int chunksTotal)
        implements VideoEvent {
    public StageProgressed {
        Objects.requireNonNull(progress, "progress");
        if (chunksDone < 1 || chunksTotal < chunksDone) {
            throw new IllegalArgumentException("chunksDone must be 1.." + chunksTotal + ", was " + chunksDone);
        }
    }

    @Override
    public String detailType() {
        return "Stage Progress";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stage", progress.stage());
        out.put("progress", progress.percent());
        out.put("chunksDone", chunksDone);
        out.put("chunksTotal", chunksTotal);
        return out;
    }
}
