package dev.clipflow.recommendation;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedUpdate;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.discovery.VideoNotPublishedException;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.PipelineInput;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code recommendation} function, the pipeline's discovery branch: reads the published video's
 * title, description and tags from the catalog (read only), indexes it and updates related lists
 * ({@link RelatedIndexer}). A repeat changes nothing ({@link RelatedUpdate#alreadyProcessed()}).
 */
public final class Recommendation implements Function<RecommendationInput, RelatedUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(Recommendation.class);

    private final VideoRepository videos;
    private final RelatedIndexer indexer;

    public Recommendation(VideoRepository videos, RelatedIndexer indexer) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.indexer = Objects.requireNonNull(indexer, "indexer");
    }

    @Override
    public RelatedUpdate apply(RecommendationInput input) {
        if (input == null || !MediaKeys.isValidId(input.videoId())) {
            throw new RecommendationInputMalformedException("The recommendation input has no valid videoId");
        }
        if (input.schemaVersion() < 0 || input.schemaVersion() > PipelineInput.SCHEMA_VERSION) {
            throw new RecommendationInputMalformedException("Unknown schemaVersion " + input.schemaVersion());
        }
        MDC.put("videoId", input.videoId());
        try {
            Video video = videos.get(input.videoId());
            if (video.status() != VideoStatus.PUBLISHED) {
                throw new VideoNotPublishedException(video.videoId());
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
