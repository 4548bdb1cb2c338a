package dev.clipflow.ingest;

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
import java.time.Clock;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.media.ObjectStore.ObjectInfo;
import dev.clipflow.pipeline.ExecutionNames;
import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionStarter;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.SourceObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code ingest} function: an S3 "Object Created" event (EventBridge or direct notification)
 * in, at most one pipeline execution per uploaded object out. See docs/adr/0002.
 *
 * <p>Per object: a key outside the upload layout is logged and dropped; an object no video expects
 * is deleted; an object that breaks the declared size or the channel's limits is deleted and its
 * video FAILED; otherwise the video moves AWAITING_UPLOAD -> PROCESSING and an execution with a
 * deterministic name starts. A repeated delivery finds the video PROCESSING and asks for the same
 * execution name again, which starts nothing: so a crash between the status change and the start
 * is healed by the retry.
 */
public final class Ingest implements Function<Map<String, Object>, List<IngestOutcome>> {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

    private final VideoRepository videos;
    private final ChannelRepository channels;
    private final ObjectStore objects;
    private final ExecutionStarter executions;
    private final String uploadsBucket;
    private final Function<PipelineInput, String> toJson;
    private final VideoEvents events;
    private final Clock clock;

    public Ingest(VideoRepository videos, ChannelRepository channels, ObjectStore objects,
                  ExecutionStarter executions, String uploadsBucket, Function<PipelineInput, String> toJson) {
        this(videos, channels, objects, executions, uploadsBucket, toJson, VideoEvents.NONE, Clock.systemUTC());
    }

    /**
     * @param events where the video's {@code Upload Completed}, {@code Processing Started} and (an upload over its
     *               limits) {@code Video Failed} go, each published once its status change is stored
     */
    public Ingest(VideoRepository videos, ChannelRepository channels, ObjectStore objects,
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

    @Override
    public List<IngestOutcome> apply(Map<String, Object> event) {
        return UploadEvents.parse(event).stream().map(this::ingest).toList();
    }

    IngestOutcome ingest(ObjectCreated created) {
        if (!uploadsBucket.equals(created.bucket())) {
            LOG.warn("Ignored an object in bucket {}: ingest only reads {}", created.bucket(), uploadsBucket);
            return IngestOutcome.of(IngestResult.REJECTED_BUCKET, null, "Not the uploads bucket");
        }
        String key = resolveKey(created);
        Optional<MediaKeys.UploadKey> upload = MediaKeys.parseUpload(key);
        if (upload.isEmpty()) {
            LOG.warn("Rejected key outside the upload layout uploads/{channelId}/{videoId}/{fileName}: {}", key);
            return IngestOutcome.of(IngestResult.REJECTED_KEY, null, "The key is outside the upload layout");
        }
        String videoId = upload.get().videoId();
        MDC.put("videoId", videoId);
        try {
            return ingest(created, key, upload.get());
        } finally {
            MDC.remove("videoId");
        }
    }

    private IngestOutcome ingest(ObjectCreated created, String key, MediaKeys.UploadKey upload) {
        Optional<Video> found = videos.find(upload.videoId());
        if (found.isEmpty() || !expects(found.get(), upload)) {
            objects.delete(created.bucket(), key);
            LOG.warn("Deleted an upload no video expects (video {} {})", upload.videoId(),
                    found.isEmpty() ? "does not exist" : "expects another key");
            return IngestOutcome.of(IngestResult.ORPHAN_DELETED, upload.videoId(), "No video expects this key");
        }
        Video video = found.get();
        switch (video.status()) {
            case PUBLISHED -> {
                LOG.info("Ignored an upload event for an already published video");
                return IngestOutcome.of(IngestResult.IGNORED, video.videoId(), "The video is already published");
            }
            case FAILED -> {
                objects.delete(created.bucket(), key);
                LOG.info("Deleted an upload that arrived for a FAILED video");
                return IngestOutcome.of(IngestResult.IGNORED, video.videoId(), "The video already failed");
            }
            case AWAITING_UPLOAD, PROCESSING -> {
                return accept(created, key, video);
            }
            default -> throw new IllegalStateException("Unknown status " + video.status());
        }
    }

    private IngestOutcome accept(ObjectCreated created, String key, Video video) {
        Optional<ObjectInfo> info = objects.head(created.bucket(), key);
        if (info.isEmpty()) {
            LOG.warn("Ignored an upload event: the object is gone (aborted or deleted since)");
            return IngestOutcome.of(IngestResult.IGNORED, video.videoId(), "The object no longer exists");
        }
        long size = info.get().size();
        Optional<Video> transitioned = Optional.empty();
        ChannelLimits limits = channels.find(video.channelId()).map(c -> c.limits()).orElse(ChannelLimits.DEFAULT);
        if (video.status() == VideoStatus.AWAITING_UPLOAD) {
            Optional<String> violation = UploadCheck.violation(size, video.declaredBytes(), limits);
            if (violation.isPresent()) {
                Video failed = videos.fail(video.videoId(), violation.get());
                events.publish(new VideoFailed(VideoEvent.Subject.of(failed, clock.instant()), violation.get()));
                objects.delete(created.bucket(), key);
                LOG.warn("Refused an upload of {} bytes ({} declared): {}", size, video.declaredBytes(),
                        violation.get());
                return IngestOutcome.of(IngestResult.LIMIT_VIOLATION, video.videoId(), violation.get());
            }
            try {
                Video processing = videos.transition(video.videoId(), VideoStatus.AWAITING_UPLOAD,
                        VideoStatus.PROCESSING);
                transitioned = Optional.of(processing);
            } catch (VideoTransitionException e) {
                LOG.info("Ignored an upload event: the video changed status meanwhile ({})", e.getMessage());
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
        PipelineInput input = new PipelineInput(PipelineInput.SCHEMA_VERSION, video.videoId(), video.channelId(),
                source, name, maxSeconds, limits.maxCostUsd());
        // Published before the execution starts, so that no stage's event can come before them.
        transitioned.ifPresent(v -> {
            VideoEvent.Subject subject = VideoEvent.Subject.of(v, clock.instant());
            events.publish(new UploadCompleted(subject, size));
            events.publish(new ProcessingStarted(subject, name));
        });
        ExecutionStart start = executions.start(name, toJson.apply(input));
        MDC.put("executionId", start.executionId());
        try {
            LOG.info(start.alreadyStarted() ? "Pipeline execution {} already started" : "Started pipeline execution {}",
                    name);
        } finally {
            MDC.remove("executionId");
        }
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
