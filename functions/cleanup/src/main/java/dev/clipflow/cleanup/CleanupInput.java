package dev.clipflow.cleanup;

import dev.clipflow.pipeline.SourceObject;

/**
 * The compensation task's input: the pipeline state ({@code PipelineInput} fields; results of the
 * stages that ran are ignored) and the caught {@code error}.
 */
public record CleanupInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                           PipelineError error) {
}
