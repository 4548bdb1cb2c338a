package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.ChannelRepository;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.catalog.events.ProcessingStarted;
import dev.clipflow.catalog.events.UploadCompleted;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.events.VideoFailed;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.media.ObjectStore.ObjectInfo;
import dev.clipflow.pipeline.ExecutionNames;
import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionStarter;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.SourceObject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An uploaded object in, at most one pipeline execution out (the ingest function's use case; docs/adr/0002).
 *
 * <p>Per object: a key outside the upload layout, or an object in another bucket, is refused and left alone; an
 * object no video expects is deleted; an object that breaks the declared size or the channel's limits
 * ({@link UploadRules#arrivalViolation}) is deleted and its video FAILED; otherwise the video moves
 * AWAITING_UPLOAD -> PROCESSING and an execution with a deterministic name starts. A repeated delivery finds the
 * video PROCESSING and asks for the same execution name again, which starts nothing: so a crash between the
 * status change and the start is healed by the retry. The {@link IngestOutcome} says which, in a sentence.
 */
public final class UploadIngest {
    private final VideoRepository videos;
    private final ChannelRepository channels;
    private final ObjectStore objects;
    private final ExecutionStarter executions;
    private final String uploadsBucket;
    private final Function<PipelineInput, String> toJson;
    private final VideoEvents events;
    private final Clock clock;

    /** An ingest that publishes no events. @param toJson the execution input's JSON, as the state machine reads it */
    public UploadIngest(VideoRepository videos, ChannelRepository channels, ObjectStore objects,
                        ExecutionStarter executions, String uploadsBucket, Function<PipelineInput, String> toJson) {
        this(videos, channels, objects, executions, uploadsBucket, toJson, VideoEvents.NONE, Clock.systemUTC());
    }

    /**
     * @param toJson the execution input's JSON, as the state machine reads it
     * @param events where the video's {@code Upload Completed}, {@code Processing Started} and (an upload over its
     *               limits) {@code Video Failed} go, each published once its status change is stored
     */
    public UploadIngest(VideoRepository videos, ChannelRepository channels, ObjectStore objects,
                        ExecutionStarter executions, String uploadsBucket, Function<PipelineInput, String> toJson,
                        VideoEvents events, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.executions = Objects.requireNonNull(executions, "executions");
        this.uploadsBucket = Objects.requireNonNull(uploadsBucket, "uploadsBucket");
        this.toJson = Objects.requireNonNull(toJson, "toJson");
    }

    public IngestOutcome ingest(ObjectCreated created) {
        if (!uploadsBucket.equals(created.bucket())) {
            return IngestOutcome.of(IngestResult.REJECTED_BUCKET, null, "Not the uploads bucket");
        }
        String key = resolveKey(created);
        Optional<MediaKeys.UploadKey> upload = MediaKeys.parseUpload(key);
        if (upload.isEmpty()) {
            return IngestOutcome.of(IngestResult.REJECTED_KEY, null,
                    "The key is outside the upload layout uploads/{channelId}/{videoId}/{fileName}");
        }
        Optional<Video> found = videos.find(upload.get().videoId());
        if (found.isEmpty() || !expects(found.get(), upload.get())) {
            objects.delete(created.bucket(), key);
            return IngestOutcome.of(IngestResult.ORPHAN_DELETED, upload.get().videoId(),
                    found.isEmpty() ? "No video expects this key: the video does not exist"
                            : "No video expects this key: the video expects another key");
        }
        Video video = found.get();
        return switch (video.status()) {
            case PUBLISHED -> IngestOutcome.of(IngestResult.IGNORED, video.videoId(), "The video is already published");
            case FAILED -> {
                objects.delete(created.bucket(), key);
                yield IngestOutcome.of(IngestResult.IGNORED, video.videoId(),
                        "The video already failed; the late upload was deleted");
            }
            case DELETING, DELETED -> {
                objects.delete(created.bucket(), key);
                yield IngestOutcome.of(IngestResult.IGNORED, video.videoId(),
                        "The video is deleted; the late upload was deleted");
            }
            case AWAITING_UPLOAD, PROCESSING -> accept(created, key, video);
        };
    }

    private IngestOutcome accept(ObjectCreated created, String key, Video video) {
        Optional<ObjectInfo> info = objects.head(created.bucket(), key);
        if (info.isEmpty()) {
            return IngestOutcome.of(IngestResult.IGNORED, video.videoId(),
                    "The object no longer exists (aborted or deleted since)");
        }
        long size = info.get().size();
        Optional<Video> transitioned = Optional.empty();
        ChannelLimits limits = channels.find(video.channelId()).map(c -> c.limits()).orElse(ChannelLimits.DEFAULT);
        if (video.status() == VideoStatus.AWAITING_UPLOAD) {
            Optional<String> violation = UploadRules.arrivalViolation(size, video.declaredBytes(), limits);
            if (violation.isPresent()) {
                Video failed = videos.fail(video.videoId(), violation.get());
                events.publish(new VideoFailed(VideoEvent.Subject.of(failed, clock.instant()), violation.get()));
                objects.delete(created.bucket(), key);
                return IngestOutcome.of(IngestResult.LIMIT_VIOLATION, video.videoId(), violation.get());
            }
            try {
                transitioned = Optional.of(
                        videos.transition(video.videoId(), VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING));
            } catch (VideoTransitionException e) {
                return IngestOutcome.of(IngestResult.IGNORED, video.videoId(), "The video changed status meanwhile");
            }
        }
        String eTag = created.eTag() != null ? created.eTag()
                : info.get().eTag() == null ? null : info.get().eTag().replace("\"", "");
        SourceObject source = new SourceObject(created.bucket(), key, size, eTag, created.versionId(),
                created.sequencer());
        String name = ExecutionNames.forUpload(video.videoId(), source);
        // The probe refuses a source longer than this: the channel's longest, or less if the upload reserved less
        // of its owner's daily minutes (UserLimits).
        double maxSeconds = video.reservedSeconds() == null ? limits.maxDurationSeconds()
                : Math.min(limits.maxDurationSeconds(), video.reservedSeconds());
        // The visibility as the status change stored it: an edit may change it until then (VideoEditing), and the
        // record read above may be older than that edit.
        PipelineInput input = new PipelineInput(PipelineInput.SCHEMA_VERSION, video.videoId(), video.channelId(),
                source, name, maxSeconds, limits.maxCostUsd(), transitioned.orElse(video).visibility().name());
        // Published before the execution starts, so that no stage's event can come before them.
        transitioned.ifPresent(v -> {
            VideoEvent.Subject subject = VideoEvent.Subject.of(v, clock.instant());
            events.publish(new UploadCompleted(subject, size));
            events.publish(new ProcessingStarted(subject, name));
        });
        ExecutionStart start = executions.start(name, toJson.apply(input));
        return new IngestOutcome(start.alreadyStarted() ? IngestResult.ALREADY_STARTED : IngestResult.STARTED,
                video.videoId(), start.executionId(), null);
    }

    private static boolean expects(Video video, MediaKeys.UploadKey upload) {
        return video.channelId().equals(upload.channelId())
                && (video.uploadKey() == null || video.uploadKey().equals(upload.key()));
    }

    /**
     * The decoded key, unless it names no object while the key exactly as delivered does: a guard
     * in case an EventBridge event ever carries its key unencoded (a literal {@code +} or {@code %}).
     */
    private String resolveKey(ObjectCreated created) {
        if (created.shape() != ObjectCreated.Shape.EVENTBRIDGE || created.key().equals(created.rawKey())) {
            return created.key();
        }
        if (objects.head(created.bucket(), created.key()).isEmpty()
                && objects.head(created.bucket(), created.rawKey()).isPresent()) {
            return created.rawKey();
        }
        return created.key();
    }
}
