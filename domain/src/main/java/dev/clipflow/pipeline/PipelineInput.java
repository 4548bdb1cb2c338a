package dev.clipflow.pipeline;

/**
 * The input of one execution of {@code statemachine/video-pipeline.asl.json}, written by ingest.
 * Later states add their results beside these fields ({@code probe}, {@code transcode}, ...),
 * so every function receives this record's fields and may ignore the rest.
 *
 * <p>Never add a top-level field named {@code payload}: Spring Cloud Function's AWS adapter
 * would unwrap it.
 */
public record PipelineInput(int schemaVersion, String videoId, String channelId, SourceObject source) {
    public static final int SCHEMA_VERSION = 1;
}
