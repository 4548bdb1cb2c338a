package dev.clipflow.catalog.deletion;

import dev.clipflow.catalog.RecordedSteps;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.events.VideoDeleted;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.unlisting.VideoUnlisting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The steps of the {@code VideoDeletion} workflow ({@link DeletionStep}), run as {@link RecordedSteps}: a step runs
 * only on a DELETING video, is skipped when the record says it is done, and is recorded when it succeeds; every step is
 * idempotent in itself, so a step that failed half-way is simply run again (the state machine's Retry), and a
 * workflow started again after a failure goes on where the last one stopped.
 */
public final class DeletionWorkflow {
    /** How long the tombstone is kept (the audit period) before the table's TTL removes it. */
    public static final Duration AUDIT_PERIOD = Duration.ofDays(90);

    private final DeletionRecords records;
    private final PipelineExecutions pipeline;
    private final VideoUnlisting unlisting;
    private final ObjectStore objects;
    private final CdnInvalidation cdn;
    private final VideoEvents events;
    private final Clock clock;
    private final String mediaBucket;
    private final String uploadsBucket;
    private final Duration inFlightTaskWait;
    private final RecordedSteps<DeletionStep> steps;

    /**
     * What one step did: {@code skipped} when the record said it was done already; {@code pipelineStopped} how many
     * pipeline executions STOP_PIPELINE stopped, and {@code waitSeconds} how long the state machine then waits before
     * deleting the media (a stopped execution's task in flight goes on: StopExecution does not end a Lambda call).
     */
    public record Outcome(String videoId, DeletionStep step, boolean skipped, int pipelineStopped, long waitSeconds,
                          String detail) {
    }

    public DeletionWorkflow(VideoRepository videos, DeletionRecords records, PipelineExecutions pipeline,
                            VideoUnlisting unlisting, ObjectStore objects, CdnInvalidation cdn, VideoEvents events,
                            Clock clock, String mediaBucket, String uploadsBucket, Duration inFlightTaskWait) {
        this.records = Objects.requireNonNull(records, "records");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.unlisting = Objects.requireNonNull(unlisting, "unlisting");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.cdn = Objects.requireNonNull(cdn, "cdn");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mediaBucket = Objects.requireNonNull(mediaBucket, "mediaBucket");
        this.uploadsBucket = Objects.requireNonNull(uploadsBucket, "uploadsBucket");
        this.inFlightTaskWait = Objects.requireNonNull(inFlightTaskWait, "inFlightTaskWait");
        this.steps = new RecordedSteps<>(videos, video -> {
            if (video.status() != VideoStatus.DELETING) {
                throw new VideoNotDeletingException(video.videoId(), video.status());
            }
        });
    }

    public Outcome run(DeletionStep step, String videoId) {
        return steps.run(step, videoId, records, video -> perform(step, video))
                .orElseGet(() -> new Outcome(videoId, step, true, 0, 0, "done before"));
    }

    private Outcome perform(DeletionStep step, Video video) {
        String id = video.videoId();
        return switch (step) {
            case STOP_PIPELINE -> {
                int stopped = pipeline.stopRunning(id);
                yield new Outcome(id, step, false, stopped, stopped > 0 ? inFlightTaskWait.toSeconds() : 0,
                        "stopped " + stopped + " pipeline executions");
            }
            case UNLIST -> new Outcome(id, step, false, 0, 0, unlisting.unlist(id).toString());
            case MEDIA -> new Outcome(id, step, false, 0, 0, media(video));
            case TOMBSTONE -> new Outcome(id, step, false, 0, 0, tombstone(id));
        };
    }

    /** The CDN paths of a video's media, public and restricted. */
    public static List<String> cdnPaths(String videoId) {
        return List.of("/videos/" + videoId + "/*", "/restricted/" + videoId + "/*");
    }

    private String media(Video video) {
        String id = video.videoId();
        int deleted = objects.deletePrefix(mediaBucket, "videos/" + id + "/")
                + objects.deletePrefix(mediaBucket, "restricted/" + id + "/");
        if (video.uploadKey() != null) {
            objects.delete(uploadsBucket, video.uploadKey());
        }
        String invalidation = cdn.invalidate("delete-" + id, cdnPaths(id));
        return "deleted " + deleted + " media objects, invalidation " + invalidation;
    }

    private String tombstone(String videoId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(AUDIT_PERIOD);
        Video tombstone = records.tombstone(videoId, expiresAt);
        events.publish(new VideoDeleted(VideoEvent.Subject.of(tombstone, now), expiresAt));
        return "tombstone until " + expiresAt;
    }
}
