package dev.clipflow.subscription;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.pipeline.PublishedVideoInput;
import dev.clipflow.social.FanoutResult;
import dev.clipflow.social.PublishedVideo;
import dev.clipflow.social.SubscriberFanout;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code subscription} function, the pipeline's fan-out branch: reads the published video from
 * the catalog (read only: its channel and publish time; {@link PublishedVideoInput#requirePublished}) and fans it
 * out ({@link SubscriberFanout}).
 * A video that is not listed (UNLISTED, PRIVATE) is fanned out nowhere ({@link FanoutResult#notListed}).
 * Repeating it (a Step Functions retry or redrive) writes the same keyed entries and counts nothing.
 * The publish time is the video's {@code updatedAt} when it became PUBLISHED.
 */
public final class Subscription implements Function<PublishedVideoInput, FanoutResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final VideoRepository videos;
    private final SubscriberFanout fanout;

    public Subscription(VideoRepository videos, SubscriberFanout fanout) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.fanout = Objects.requireNonNull(fanout, "fanout");
    }

    @Override
    public FanoutResult apply(PublishedVideoInput input) {
        MDC.put("videoId", input == null ? null : input.videoId());
        try {
            Video video = PublishedVideoInput.requirePublished(input, videos);
            if (!video.isListed()) {
                LOG.info("Fan-out skipped: the video is {}", video.visibility());
                return FanoutResult.notListed(video.videoId(), video.channelId());
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
