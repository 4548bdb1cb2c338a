package dev.clipflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.pipeline.TransientStageException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionCounterTest {

    @Test
    void count_historyWithRetries_attributesEachStateAndTheRemainderToPublish() {
        Map<String, Integer> history = new LinkedHashMap<>();
        history.put(TransitionCounter.PROBE_STATE, 1);
        history.put(TransitionCounter.TRANSCODE_STATE, 3);
        history.put(TransitionCounter.PUBLISH_STATE, 1);

        int[] counted = new TransitionCounter(id -> history).count("arn:exec", 2);

        assertThat(counted).containsExactly(1, 3, 3);
    }

    @Test
    void count_chunkedPath_attributesTheChoiceMapAndStitchToTranscode() {
        Map<String, Integer> history = new LinkedHashMap<>();
        history.put(TransitionCounter.PROBE_STATE, 1);
        history.put("Choose one pass or chunks", 1);
        history.put("Transcode the chunks", 1);
        history.put("Stitch the renditions", 2);
        history.put(TransitionCounter.PUBLISH_STATE, 1);

        int[] counted = new TransitionCounter(id -> history).count("arn:exec", 4);

        assertThat(counted).containsExactly(1, 4, 5);
    }

    @Test
    void count_historyUnreadable_fallsBackToTheHappyPath() {
        int[] counted = new TransitionCounter(id -> {
            throw new TransientStageException("throttled");
        }).count("arn:exec", 2);

        assertThat(counted).containsExactly(1, 1, 3);
    }

    @Test
    void count_noExecutionId_countsTheHappyPathWithoutAskingHistory() {
        int[] counted = new TransitionCounter(id -> {
            throw new AssertionError("must not be called");
        }).count(null, null);

        assertThat(counted).containsExactly(1, 1, 1);
    }
}
