package dev.clipflow.pipeline;

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
 * ({@code CostCeiling}, template parameter {@code MaxVideoCostUsd}).
 *
 * <p>Never add a top-level field named {@code payload}: Spring Cloud Function's AWS adapter
 * would unwrap it.
 */
public record PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                            String executionName, Double maxDurationSeconds, BigDecimal maxCostUsd) {
    public static final int SCHEMA_VERSION = 1;

    /** An input without a channel cost ceiling. */
    public PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                         String executionName, Double maxDurationSeconds) {
        this(schemaVersion, videoId, channelId, source, executionName, maxDurationSeconds, null);
    }

    /** An input without a channel duration limit. */
    public PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                         String executionName) {
        this(schemaVersion, videoId, channelId, source, executionName, null, null);
    }

    /** An input without an execution name (hand-made inputs; readers treat it as optional). */
    public PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source) {
        this(schemaVersion, videoId, channelId, source, null, null, null);
    }
}
