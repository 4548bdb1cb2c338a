package dev.clipflow.pipeline;

import dev.clipflow.catalog.Visibility;
import java.math.BigDecimal;

/**
 * The input of one execution of {@code statemachine/video-pipeline.asl.json}, written by ingest.
 * Later states add their results beside these fields ({@code probe}, {@code transcode}, ...),
 * so every function receives this record's fields and may ignore the rest.
 *
 * <p>{@code executionName} is the execution's (deterministic) name, written by ingest so that every
 * function's log lines carry it beside the video id; it may be null in inputs made by hand.
 *
 * <p>{@code maxDurationSeconds} is the channel's limit on the video's length, written by ingest from
 * the channel's limits; null (hand-made inputs, inputs written before it existed) means the pipeline's
 * default ({@code MediaLimits.DEFAULT}). {@code maxCostUsd} is the channel's ceiling on the video's forecast
 * transcode and storage cost, written by ingest from the channel's limits; null means the deployment's default
 * ({@code CostCeiling}, template parameter {@code MaxVideoCostUsd}). {@code visibility} is the video's as ingest's
 * AWAITING_UPLOAD -> PROCESSING write stored it ({@code PUBLIC}, {@code UNLISTED}, {@code PRIVATE}; null in older
 * inputs means PUBLIC): every stage that writes media writes under the prefix it implies ({@link #restricted(String)});
 * the catalog refuses a change of visibility once the upload completed (the edit's condition is that status), so it
 * holds for the whole execution.
 *
 * <p>Never add a top-level field named {@code payload}: Spring Cloud Function's AWS adapter
 * would unwrap it.
 */
public record PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                            String executionName, Double maxDurationSeconds, BigDecimal maxCostUsd,
                            String visibility) {
    public static final int SCHEMA_VERSION = 1;

    /** An input without a visibility (a public video's). */
    public PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                         String executionName, Double maxDurationSeconds, BigDecimal maxCostUsd) {
        this(schemaVersion, videoId, channelId, source, executionName, maxDurationSeconds, maxCostUsd, null);
    }

    /**
     * Whether a video of {@code visibility} (a pipeline input's field; null in inputs written before it existed
     * means PUBLIC) has its outputs under {@code restricted/{videoId}/} ({@code MediaKeys.outputPrefix}).
     *
     * @throws PipelineInputMalformedException for a value that is not a visibility
     */
    public static boolean restricted(String visibility) {
        if (visibility == null) {
            return false;
        }
        try {
            return Visibility.valueOf(visibility).isRestricted();
        } catch (IllegalArgumentException e) {
            throw new PipelineInputMalformedException("Unknown visibility in the input");
        }
    }

    /** An input without a channel cost ceiling. */
    public PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                         String executionName, Double maxDurationSeconds) {
        this(schemaVersion, videoId, channelId, source, executionName, maxDurationSeconds, null, null);
    }

    /** An input without a channel duration limit. */
    public PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                         String executionName) {
        this(schemaVersion, videoId, channelId, source, executionName, null, null, null);
    }

    /** An input without an execution name (hand-made inputs; readers treat it as optional). */
    public PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source) {
        this(schemaVersion, videoId, channelId, source, null, null, null, null);
    }
}
