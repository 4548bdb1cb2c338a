package dev.clipflow.catalog.events;

import dev.clipflow.catalog.Video;
import java.util.Map;
import java.util.Objects;

/** A pipeline stage of a PROCESSING video started ({@code Stage Started}), with the video's progress. */
public record StageStarted(Subject subject, Video.Progress progress) implements VideoEvent {
    public StageStarted {
        Objects.requireNonNull(progress, "progress");
    }

    @Override
    public String detailType() {
        return "Stage Started";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("stage", progress.stage(), "progress", progress.percent());
    }
}
