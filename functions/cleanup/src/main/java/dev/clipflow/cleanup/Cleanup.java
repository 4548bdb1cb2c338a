package dev.clipflow.cleanup;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code cleanup} function, the pipeline's compensation step: deletes every partial output
 * under {@code videos/{videoId}/} in the media bucket and sets the video FAILED with a readable
 * reason, keeping the usage of the stages that ran (the probe's) for the cost estimate. Idempotent: a second run deletes nothing more and leaves the FAILED video as it is. A
 * PUBLISHED video is left untouched (its outputs are live; a failure after publishing must not
 * take them down); a video that no longer exists only has its outputs deleted.
 */
public final class Cleanup implements Function<CleanupInput, CleanupResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);

    private final VideoRepository videos;
    private final ObjectStore objects;
    private final String mediaBucket;

    public Cleanup(VideoRepository videos, ObjectStore objects, String mediaBucket) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.mediaBucket = Objects.requireNonNull(mediaBucket, "mediaBucket");
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
            return cleanup(input, FailureReasons.from(input.error()),
                    input.error() == null ? null : input.error().error());
        } finally {
            MDC.remove("videoId");
            MDC.remove("executionName");
        }
    }

    private CleanupResult cleanup(CleanupInput input, String reason, String errorName) {
        String videoId = input.videoId();
        Optional<Video> video = videos.find(videoId);
        if (video.isPresent() && video.get().status() == VideoStatus.PUBLISHED) {
            LOG.error("Pipeline failed with {} after the video was published; outputs kept, status unchanged",
                    errorName);
            return new CleanupResult(videoId, VideoStatus.PUBLISHED.name(), 0, reason);
        }
        int deleted = objects.deletePrefix(mediaBucket, MediaKeys.outputPrefix(videoId));
        if (video.isEmpty()) {
            LOG.warn("Pipeline failed with {} for a video that no longer exists; deleted {} outputs", errorName,
                    deleted);
            return new CleanupResult(videoId, null, deleted, reason);
        }
        if (input.probe() != null && input.probe().usage() != null) {
            videos.recordUsage(videoId, input.probe().usage());
        }
        Video failed = videos.fail(videoId, reason);
        LOG.info("Pipeline failed with {}; deleted {} partial outputs; video FAILED: {}", errorName, deleted,
                failed.failureReason());
        return new CleanupResult(videoId, failed.status().name(), deleted, failed.failureReason());
    }
}
