package dev.clipflow.catalog.events;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * Records a stage's start and finish on a PROCESSING video ({@code stage}, {@code progress}) and publishes
 * {@link StageStarted} / {@link StageFinished} when the record moved: a video in another status, or already
 * further along (a repeated stage), publishes nothing. A chunked transcode's chunks are counted on the record (a set
 * of finished chunk indexes) and each newly counted chunk publishes {@link StageProgressed}; a retried chunk is not
 * counted twice.
 */
public final class StageProgress {

    /** Records and publishes nothing: for stage functions built without the catalog (tests of other concerns). */
    public static final StageProgress NONE = new StageProgress(null, VideoEvents.NONE, Clock.systemUTC());

    private final VideoRepository videos;
    private final VideoEvents events;
    private final Clock clock;

    public StageProgress(VideoRepository videos, VideoEvents events, Clock clock) {
        this.videos = videos;
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void started(String videoId, PipelineStage stage) {
        if (videos != null) {
            videos.recordProgress(videoId, stage.started()).ifPresent(v -> events.publish(
                    new StageStarted(VideoEvent.Subject.of(v, clock.instant()), stage.started())));
        }
    }

    public void finished(String videoId, PipelineStage stage) {
        if (videos != null) {
            videos.recordProgress(videoId, stage.finished()).ifPresent(v -> events.publish(
                    new StageFinished(VideoEvent.Subject.of(v, clock.instant()), stage.finished())));
        }
    }

    /**
     * Counts chunk {@code chunkIndex} of a chunked transcode of {@code chunksTotal} chunks as done; when it was not
     * counted yet, moves the record's progress forward (a chunk that finished earlier but counted later never lowers
     * it) and publishes {@link StageProgressed} with the count.
     */
    public void chunkDone(String videoId, int chunkIndex, int chunksTotal) {
        if (videos == null) {
            return;
        }
        videos.recordChunkDone(videoId, chunkIndex).ifPresent(counted -> {
            int done = Math.min(counted.done(), chunksTotal);
            Video.Progress progress = PipelineStage.TRANSCODE.part(done, chunksTotal);
            videos.recordProgress(videoId, progress);
            events.publish(new StageProgressed(VideoEvent.Subject.of(counted.video(), clock.instant()), progress,
                    done, chunksTotal));
        });
    }
}
