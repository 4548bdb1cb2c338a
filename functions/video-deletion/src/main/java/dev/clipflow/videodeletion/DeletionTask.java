package dev.clipflow.videodeletion;

import java.util.List;

/**
 * The state machine's input to one step: {@code {"step": "UNLIST", "covers": ["FeedsTable", ...], "videoId": "..."}}
 * ({@code step} a DeletionStep name; {@code covers} the template's tables and buckets the step clears, stated in the
 * state machine for DeletionCoverageTest and only logged here).
 */
public record DeletionTask(String step, List<String> covers, String videoId) {
}
