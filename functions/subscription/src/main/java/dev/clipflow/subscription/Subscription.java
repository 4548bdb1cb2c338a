package dev.clipflow.subscription;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.social.FanoutResult;
import dev.clipflow.social.FeedFanout;
import dev.clipflow.social.PublishedVideo;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code subscription} function, the pipeline's fan-out branch: reads the published video from
 * the catalog (read only: its channel and publish time) and fans it out ({@link FeedFanout}).
 * Repeating it (a Step Functions retry or redrive) writes the same keyed entries and counts nothing.
 * The publish time is the video's {@code updatedAt} when it became PUBLISHED.
 */
public final class Subscription implements Function<SubscriptionInput, FanoutResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final VideoRepository videos;
    private final FeedFanout fanout;

    public Subscription(VideoRepository videos, FeedFanout fanout) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.fanout = Objects.requireNonNull(fanout, "fanout");
    }

    @Override
    public FanoutResult apply(SubscriptionInput input) {
        if (input == null || !MediaKeys.isValidId(input.videoId())) {
            throw new SubscriptionInputMalformedException("The subscription input has no valid videoId");
        }
        if (input.schemaVersion() < 0 || input.schemaVersion() > PipelineInput.SCHEMA_VERSION) {
            throw new SubscriptionInputMalformedException("Unknown schemaVersion " + input.schemaVersion());
        }
        MDC.put("videoId", input.videoId());
        try {
            Video video = videos.get(input.videoId());
            if (video.status() != VideoStatus.PUBLISHED) {
                throw new SubscriptionVideoNotPublishedException(video.videoId(), video.status().name());
            }
            Instant publishedAt = video.updatedAt() != null ? video.updatedAt() : video.createdAt();
            FanoutResult result = fanout.fanOut(new PublishedVideo(video.videoId(), video.channelId(), publishedAt));
            LOG.info("Fan-out {}: {} subscribers, {} entries written, {} batches queued", result.mode(),
                    result.subscribers(), result.entriesWritten(), result.batchesQueued());
            return result;
        } finally {
            MDC.remove("videoId");
        }
    }
}
