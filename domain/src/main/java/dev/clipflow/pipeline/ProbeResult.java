package dev.clipflow.pipeline;

import dev.clipflow.cost.StageUsage;
import java.util.List;

/**
 * The probe stage's result: the source's facts, the ladder planned from them, and what the stage
 * consumed (the publish step writes every stage's usage to the catalog).
 */
public record ProbeResult(MediaInfo media, List<RenditionSpec> ladder, StageUsage usage) {
    public ProbeResult {
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
    }
}
