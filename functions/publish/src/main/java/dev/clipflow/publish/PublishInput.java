package dev.clipflow.publish;

import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.SourceObject;
import dev.clipflow.pipeline.TranscodeResult;

/**
 * The publish task's input, built by the state machine's Parameters: the {@code PipelineInput}
 * fields, the probe and transcode results, the execution id ({@code $$.Execution.Id}) and how many
 * states the happy path still enters after the publish state.
 *
 * @param executionId               null when invoked outside Step Functions
 * @param transitionsAfterThisState null when invoked outside Step Functions
 */
public record PublishInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                           ProbeResult probe, TranscodeResult transcode, String executionId,
                           Integer transitionsAfterThisState) {
}
