package dev.clipflow.cleanup;

import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.SourceObject;

/**
 * The compensation task's input: the pipeline state ({@code PipelineInput} fields), the probe
 * stage's result when probing succeeded before the failure (its usage is recorded so a FAILED
 * video's cost estimate counts the work done), and the caught {@code error}.
 *
 * @param probe null when the failure came before or from the probe stage
 */
public record CleanupInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                           ProbeResult probe, PipelineError error, String executionName) {

    /** An input without an execution name (hand-made inputs). */
    public CleanupInput(int schemaVersion, String videoId, String channelId, SourceObject source, ProbeResult probe,
                        PipelineError error) {
        this(schemaVersion, videoId, channelId, source, probe, error, null);
    }
}
