package dev.clipflow.subscription;

/**
 * The subscription task's input: the pipeline state after publish ({@code PipelineInput} fields;
 * the other fields, {@code probe}, {@code transcode}, {@code publish}, are ignored). Schema versions
 * 0 (absent) and 1 are read.
 */
public record SubscriptionInput(int schemaVersion, String videoId, String channelId) {
}
