package dev.clipflow.transcodechunk;

import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.SourceObject;
import java.util.List;

/**
 * The input of one iteration of the state machine's chunk Map, as its ItemSelector builds it: the video, its
 * source object, the probed media and ladder, the chunk to encode, how many chunks the video has ({@code
 * States.ArrayLength} of the probe's plan, for the {@code Stage Progress} event), and the Step Functions retry count
 * of this attempt ({@code $$.State.RetryCount}, recorded in the chunk's manifest for the cost estimate).
 *
 * @param chunksTotal   null outside Step Functions (then no progress is reported)
 * @param attempt       null outside Step Functions (read as 0)
 * @param executionName null outside Step Functions
 */
public record TranscodeChunkInput(int schemaVersion, String videoId, SourceObject source, MediaInfo media,
                                  List<RenditionSpec> ladder, ChunkSpec chunk, Integer chunksTotal,
                                  Integer attempt, String executionName) {
    public TranscodeChunkInput {
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
    }
}
