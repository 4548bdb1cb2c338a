package dev.clipflow.cleanup;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.events.VideoFailed;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.media.VideoOutputs;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code cleanup} function, the pipeline's compensation step: sets the video FAILED with a readable
 * reason (for a failed chunk of a chunked transcode, the chunk's own error, which the state machine recorded
 * on the video), keeping the usage of the stages that ran (the probe's) for the cost estimate, then deletes
 * every partial output under {@code videos/{videoId}/} in the media bucket, chunks' segments and work files
 * included. Idempotent: a second run deletes nothing more and leaves the FAILED video as it is. A PUBLISHED
 * video is left untouched (its outputs are live; a failure after publishing must not take them down); a video
 * that no longer exists only has its outputs deleted.
 */
public final class Cleanup implements Function<CleanupInput, CleanupResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);

    /** The error a Distributed Map fails with when more chunks failed than it tolerates (none). */
    static final String TOLERATED_FAILURE_EXCEEDED = "States.ExceedToleratedFailureThreshold";

    private final VideoRepository videos;
    private final VideoOutputs outputs;
    private final VideoEvents events;
    private final Clock clock;

    public Cleanup(VideoRepository videos, ObjectStore objects, String mediaBucket) {
        this(videos, objects, mediaBucket, VideoEvents.NONE, Clock.systemUTC());
    }

    /** @param events where {@code Video Failed} goes when this step fails the video (not when it was already) */
    public Cleanup(VideoRepository videos, ObjectStore objects, String mediaBucket, VideoEvents events, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.outputs = new VideoOutputs(objects, mediaBucket);
    }

    @Override
    public CleanupResult apply(CleanupInput input) {
        if (input == null || !MediaKeys.isValidId(input.videoId())) {
            throw new CleanupInputMalformedException("The cleanup input has no valid videoId");
        }
        MDC.put("videoId", input.videoId());
        if (input.executionName() != null) {
            MDC.put("executionName", input.executionName());
        }
        try {
            PipelineError error = chunkFailure(input).orElse(input.error());
            return cleanup(input, FailureReasons.from(error), error == null ? null : error.error());
        } finally {
            MDC.remove("videoId");
            MDC.remove("executionName");
        }
    }

    /**
     * A chunked transcode's Map fails with {@code States.ExceedToleratedFailureThreshold}, which says nothing a
     * creator can use; the failing chunk's own error is on the video record, written by the chunk's Catch.
     */
    private Optional<PipelineError> chunkFailure(CleanupInput input) {
        if (input.error() == null || !TOLERATED_FAILURE_EXCEEDED.equals(input.error().error())) {
            return Optional.empty();
        }
        return videos.transcodeFailure(input.videoId()).map(f -> new PipelineError(f.error(), f.cause()));
    }

    private CleanupResult cleanup(CleanupInput input, String reason, String errorName) {
        String videoId = input.videoId();
        Optional<Video> video = videos.find(videoId);
        if (video.isPresent() && video.get().status() == VideoStatus.PUBLISHED) {
            LOG.error("Pipeline failed with {} after the video was published; outputs kept, status unchanged",
                    errorName);
            return new CleanupResult(videoId, VideoStatus.PUBLISHED.name(), 0, reason);
        }
        if (video.isEmpty()) {
            int deleted = outputs.deleteAll(videoId);
            LOG.warn("Pipeline failed with {} for a video that no longer exists; deleted {} outputs", errorName,
                    deleted);
            return new CleanupResult(videoId, null, deleted, reason);
        }
        if (input.probe() != null && input.probe().usage() != null) {
            videos.recordUsage(videoId, input.probe().usage());
        }
        // FAILED first, then the outputs: a chunk still running checks the status after writing and removes its
        // own outputs once the video is FAILED, so nothing it writes outlives this step (docs/adr/0008).
        Video failed = videos.fail(videoId, reason);
        if (video.get().status() != VideoStatus.FAILED) {
            events.publish(new VideoFailed(VideoEvent.Subject.of(failed, clock.instant()), failed.failureReason()));
        }
        int deleted = outputs.deleteAll(videoId);
        LOG.info("Pipeline failed with {}; deleted {} partial outputs; video FAILED: {}", errorName, deleted,
                failed.failureReason());
        return new CleanupResult(videoId, failed.status().name(), deleted, failed.failureReason());
    }
}
