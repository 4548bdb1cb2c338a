package dev.clipflow.publish;

import dev.clipflow.catalog.PlaybackUrls;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.events.VideoPublished;
import dev.clipflow.cost.CostEstimate;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.ExecutionHistory;
import dev.clipflow.pipeline.TranscodeResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code publish} function, the pipeline's last stage: records the probed media facts and
 * every stage's usage (probe, transcode, publish, with the execution's state transitions), moves
 * the video PROCESSING -> PUBLISHED with its renditions and assets, and emits the published and
 * cost metrics. Repeating it (a Step Functions retry) leaves the same record and emits no second
 * metric and no second {@code Video Published} event.
 */
public final class Publish implements Function<PublishInput, PublishResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Publish.class);

    private final VideoRepository videos;
    private final TransitionCounter transitions;
    private final CostEstimator costs;
    private final EmfMetrics metrics;
    private final int memoryMb;
    private final Clock clock;
    private final VideoEvents events;
    private final PlaybackUrls playback;

    public Publish(VideoRepository videos, ExecutionHistory history, CostEstimator costs, EmfMetrics metrics,
                   int memoryMb, Clock clock) {
        this(videos, history, costs, metrics, memoryMb, clock, VideoEvents.NONE, new PlaybackUrls(""));
    }

    /**
     * @param events   where {@code Video Published} goes, once per video (a repeated publish publishes nothing)
     * @param playback the playback URLs the event carries
     */
    public Publish(VideoRepository videos, ExecutionHistory history, CostEstimator costs, EmfMetrics metrics,
                   int memoryMb, Clock clock, VideoEvents events, PlaybackUrls playback) {
        this.events = Objects.requireNonNull(events, "events");
        this.playback = Objects.requireNonNull(playback, "playback");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.transitions = new TransitionCounter(history);
        this.costs = Objects.requireNonNull(costs, "costs");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.memoryMb = memoryMb;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PublishResult apply(PublishInput input) {
        long started = clock.millis();
        validate(input);
        MDC.put("videoId", input.videoId());
        if (input.executionId() != null) {
            MDC.put("executionId", input.executionId());
        }
        try {
            return publish(input, started);
        } finally {
            MDC.remove("videoId");
            MDC.remove("executionId");
        }
    }

    private PublishResult publish(PublishInput input, long started) {
        String videoId = input.videoId();
        boolean alreadyPublished = videos.get(videoId).status() == VideoStatus.PUBLISHED;
        if (input.probe().media() != null) {
            videos.recordMedia(videoId, input.probe().media());
        }
        int[] counted = transitions.count(input.executionId(), input.transitionsAfterThisState());
        Map<String, StageUsage> usage = new LinkedHashMap<>();
        put(usage, "probe", input.probe().usage(), counted[0]);
        put(usage, "transcode", input.transcode().usage(), counted[1]);
        long duration = Math.max(1, clock.millis() - started);
        usage.put("publish", new StageUsage("publish", 1, duration, memoryMb, counted[2], 0));
        usage.values().forEach(u -> videos.recordUsage(videoId, u));

        TranscodeResult t = input.transcode();
        Video published = videos.publish(videoId, t.renditions(),
                new Video.PublishedAssets(t.masterPlaylistKey(), t.posterKey(), t.spriteKey(), t.spriteIndexKey()));
        CostEstimate cost = costs.estimate(usage);
        if (alreadyPublished) {
            LOG.info("Video was already published (a repeated publish); no metric emitted");
        } else {
            double seconds = input.probe().media() == null ? 0 : input.probe().media().pictureEndSeconds();
            metrics.published(videoId, input.executionId(), cost.total().doubleValue(), seconds);
            events.publish(new VideoPublished(VideoEvent.Subject.of(published, clock.instant()),
                    playback.of(published)));
            LOG.info("Published video with {} renditions, estimated cost {} USD", t.renditions().size(), cost.total());
        }
        return new PublishResult(published.status().name(), cost.total());
    }

    /**
     * The stage's usage with the execution's transitions attributed to it, plus the transitions the stage
     * reported itself (a chunked transcode's child executions, which the execution's history does not hold).
     */
    private static void put(Map<String, StageUsage> usage, String stage, StageUsage reported, int stateTransitions) {
        StageUsage u = reported == null ? new StageUsage(stage, 0, 0, 0, 0, 0) : reported;
        usage.put(stage, new StageUsage(stage, u.invocations(), u.durationMillis(), u.memoryMb(),
                stateTransitions + u.stateTransitions(), u.bytesStored(), u.s3Puts(), u.s3Gets()));
    }

    private static void validate(PublishInput input) {
        if (input == null || input.videoId() == null || input.videoId().isBlank()) {
            throw new PublishInputMalformedException("The publish input has no videoId");
        }
        if (input.probe() == null) {
            throw new PublishInputMalformedException("The publish input has no probe result");
        }
        if (input.transcode() == null || input.transcode().masterPlaylistKey() == null) {
            throw new PublishInputMalformedException("The publish input has no transcode result");
        }
    }
}
