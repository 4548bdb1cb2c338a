package dev.clipflow.transcode;

import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.SourceObject;

/**
 * The transcode task's input: the {@code PipelineInput} fields with the probe stage's result beside
 * them (the state machine's {@code ResultPath: $.probe}). Other fields are ignored.
 */
public record TranscodeInput(int schemaVersion, String videoId, String channelId, SourceObject source,
                             ProbeResult probe, String executionName, String visibility) {
    /** An input without a visibility (a public video's, or written before visibility existed). */
    public TranscodeInput(int schemaVersion, String videoId, String channelId, SourceObject source, ProbeResult probe,
                          String executionName) {
        this(schemaVersion, videoId, channelId, source, probe, executionName, null);
    }


    /** An input without an execution name (hand-made inputs). */
    public TranscodeInput(int schemaVersion, String videoId, String channelId, SourceObject source, ProbeResult probe) {
        this(schemaVersion, videoId, channelId, source, probe, null, null);
    }
}
