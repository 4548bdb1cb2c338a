package dev.clipflow.pipeline;

import dev.clipflow.cost.StageUsage;
import java.util.List;

/**
 * The probe stage's result: the source's facts, the ladder planned from them, how the source is
 * transcoded (one pass or chunks), and what the stage consumed (the publish step writes every
 * stage's usage to the catalog).
 *
 * @param plan null in results written before chunked transcoding existed: read as one pass
 */
public record ProbeResult(MediaInfo media, List<RenditionSpec> ladder, StageUsage usage, TranscodePlan plan) {
    public ProbeResult {
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
    }

    /** A result without a plan (one pass). */
    public ProbeResult(MediaInfo media, List<RenditionSpec> ladder, StageUsage usage) {
        this(media, ladder, usage, null);
    }
}
