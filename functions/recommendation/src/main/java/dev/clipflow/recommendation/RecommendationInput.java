package dev.clipflow.recommendation;

/**
 * The recommendation task's input: the pipeline state after publish ({@code PipelineInput} fields;
 * the rest is ignored). Schema versions 0 (absent) and 1 are read.
 */
public record RecommendationInput(int schemaVersion, String videoId, String channelId) {
}
