package dev.clipflow.stitch;

import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.SourceObject;

/**
 * The stitch task's input: the {@code PipelineInput} fields with the probe stage's result beside them (its media,
 * ladder and chunked plan). Other fields (the Map's) are ignored.
 */
public record StitchInput(int schemaVersion, String videoId, String channelId, SourceObject source, ProbeResult probe,
                          String executionName, String visibility) {
    /** An input without a visibility (a public video's, or written before visibility existed). */
    public StitchInput(int schemaVersion, String videoId, String channelId, SourceObject source, ProbeResult probe,
                       String executionName) {
        this(schemaVersion, videoId, channelId, source, probe, executionName, null);
    }
}
