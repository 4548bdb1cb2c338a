package dev.clipflow.catalog.events;

import dev.clipflow.catalog.Video;
import java.util.Map;
import java.util.Objects;

/** A pipeline stage of a PROCESSING video finished ({@code Stage Finished}), with the video's progress. */
public record StageFinished(Subject subject, Video.Progress progress) implements VideoEvent {
    public StageFinished {
        Objects.requireNonNull(progress, "progress");
    }

    @Override
    public String detailType() {
        return "Stage Finished";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("stage", progress.stage(), "progress", progress.percent());
    }
}
