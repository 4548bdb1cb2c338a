package dev.clipflow.recommendation;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedUpdate;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.pipeline.PublishedVideoInput;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code recommendation} function, the pipeline's discovery branch: reads the published video's
 * title, description and tags from the catalog (read only; {@link PublishedVideoInput#requirePublished}),
 * indexes it and updates related lists ({@link RelatedIndexer}); a video that is not listed (UNLISTED, PRIVATE) is not
 * indexed ({@link RelatedUpdate#notListed}). A repeat changes nothing ({@link RelatedUpdate#alreadyProcessed()}).
 */
public final class Recommendation implements Function<PublishedVideoInput, RelatedUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(Recommendation.class);

    private final VideoRepository videos;
    private final RelatedIndexer indexer;

    public Recommendation(VideoRepository videos, RelatedIndexer indexer) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.indexer = Objects.requireNonNull(indexer, "indexer");
    }

    @Override
    public RelatedUpdate apply(PublishedVideoInput input) {
        MDC.put("videoId", input == null ? null : input.videoId());
        try {
            Video video = PublishedVideoInput.requirePublished(input, videos);
            if (!video.isListed()) {
                LOG.info("Not indexed: the video is {}", video.visibility());
                return RelatedUpdate.notListed(video.videoId());
            }
            Instant publishedAt = video.updatedAt() != null ? video.updatedAt() : video.createdAt();
            RelatedUpdate update = indexer.publish(new VideoFacts(video.videoId(), video.channelId(), publishedAt,
                    video.title(), video.description(), video.tags()));
            LOG.info("Indexed {} terms; {} candidates, {} related, {} neighbour lists updated{}", update.terms(),
                    update.candidates(), update.related(), update.neighboursUpdated(),
                    update.alreadyProcessed() ? " (already processed)" : "");
            return update;
        } finally {
            MDC.remove("videoId");
        }
    }
}
