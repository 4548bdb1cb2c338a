package dev.clipflow.catalog.events;

import dev.clipflow.catalog.Video;

/**
 * The pipeline's stages as a PROCESSING video's record and its events name them, with the progress (percent of
 * the whole pipeline) at each stage's start and finish. A chunked transcode reports its finished chunks as the
 * {@code transcode} stage's progress ({@link #part}): from the probe's finish to the stitch's start.
 */
public enum PipelineStage {
    PROBE("probe", 5, 10),
    TRANSCODE("transcode", 15, 90),
    STITCH("stitch", 90, 95);

    private final String label;
    private final int startedAt;
    private final int finishedAt;

    PipelineStage(String label, int startedAt, int finishedAt) {
        this.label = label;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
    }

    /** The stage's name in the record and the events ({@code probe}, {@code transcode}, {@code stitch}). */
    public String label() {
        return label;
    }

    public Video.Progress started() {
        return new Video.Progress(label, startedAt);
    }

    public Video.Progress finished() {
        return new Video.Progress(label, finishedAt);
    }

    /** The progress when {@code done} of the stage's {@code total} parts (a chunked transcode's chunks) are done. */
    public Video.Progress part(int done, int total) {
        if (total < 1 || done < 0 || done > total) {
            throw new IllegalArgumentException("Parts done must be 0.." + total + ", was " + done);
        }
        return new Video.Progress(label, startedAt + (finishedAt - startedAt) * done / total);
    }
}
