package dev.clipflow.pipeline;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.media.MediaKeys;

/**
 * The input of the pipeline's steps after publish ({@code subscription}, {@code recommendation}): the pipeline
 * state's {@link PipelineInput} fields (the rest, {@code probe}, {@code transcode}, {@code publish}, is ignored).
 * Schema versions 0 (absent) to {@link PipelineInput#SCHEMA_VERSION} are read.
 */
public record PublishedVideoInput(int schemaVersion, String videoId, String channelId) {

    /**
     * The input's video from the catalog (read only), checked as a step after publish needs it: a
     * {@link PipelineInputMalformedException} when {@code input} is null, has no valid video id or a schema version
     * this code does not read; {@link VideoNotFoundException} when there is no such video; a
     * {@link VideoNotPublishedException} when it is not PUBLISHED.
     */
    public static Video requirePublished(PublishedVideoInput input, VideoRepository videos) {
        if (input == null || !MediaKeys.isValidId(input.videoId())) {
            throw new PipelineInputMalformedException("The input has no valid videoId");
        }
        if (input.schemaVersion() < 0 || input.schemaVersion() > PipelineInput.SCHEMA_VERSION) {
            throw new PipelineInputMalformedException("Unknown schemaVersion " + input.schemaVersion());
        }
        Video video = videos.get(input.videoId());
        if (video.status() != VideoStatus.PUBLISHED) {
            throw new VideoNotPublishedException(video.videoId(), video.status());
        }
        return video;
    }
}
