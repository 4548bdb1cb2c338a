package dev.clipflow.publish;

import dev.clipflow.pipeline.ExecutionHistory;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attributes the execution's billed state transitions to stages: each task state's own (entries
 * plus retries, from the execution history) to its stage (the choice of path, the chunk Map and the stitch
 * step to {@code transcode}; the chunks' child executions are not in this history: the stitch step reports
 * them), the rest (the publish state itself and the states after it on the happy path, which the state
 * machine passes in) to {@code publish}.
 * When the history cannot be read, the happy path's minimum is used (1 per task state) and a
 * warning is logged: a cost metric is never a reason to fail a video.
 */
final class TransitionCounter {
    /** State names in statemachine/video-pipeline.asl.json (a contract test checks them). */
    static final String PROBE_STATE = "Probe the source";
    static final String TRANSCODE_STATE = "Transcode the HLS ladder";
    static final String PUBLISH_STATE = "Publish the video";
    /** The transcode stage's states besides the one-pass task: the choice of path and the chunked path's. */
    static final Set<String> OTHER_TRANSCODE_STATES = Set.of("Choose one pass or chunks", "Transcode the chunks",
            "Stitch the renditions");

    private static final Logger LOG = LoggerFactory.getLogger(TransitionCounter.class);

    private final ExecutionHistory history;

    TransitionCounter(ExecutionHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    /** Transitions of the probe, transcode and publish stages, in that order. */
    int[] count(String executionId, Integer transitionsAfterPublish) {
        int after = transitionsAfterPublish == null ? 0 : transitionsAfterPublish;
        Map<String, Integer> byState = Map.of();
        if (executionId != null) {
            try {
                byState = history.transitionsByState(executionId);
            } catch (RuntimeException e) {
                LOG.warn("Could not read the execution history, counting the happy path's transitions: {}",
                        e.toString());
            }
        }
        Map<String, Integer> entered = byState;
        int probe = entered.getOrDefault(PROBE_STATE, 1);
        boolean chunked = entered.containsKey("Transcode the chunks");
        int transcode = (chunked ? 0 : entered.getOrDefault(TRANSCODE_STATE, 1)) + OTHER_TRANSCODE_STATES.stream()
                .mapToInt(state -> entered.getOrDefault(state, 0)).sum();
        int others = entered.entrySet().stream()
                .filter(e -> !e.getKey().equals(PROBE_STATE) && !e.getKey().equals(TRANSCODE_STATE)
                        && !OTHER_TRANSCODE_STATES.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        int publish = others + (entered.containsKey(PUBLISH_STATE) ? 0 : 1) + after;
        return new int[] {probe, transcode, publish};
    }
}
