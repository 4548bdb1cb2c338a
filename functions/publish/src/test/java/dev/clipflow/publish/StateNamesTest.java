package dev.clipflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.testing.Events;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state names publish attributes transitions by must be the state machine's. */
class StateNamesTest {

    @Test
    void transitionCounterStateNames_existInTheStateMachine() throws Exception {
        String asl = Files.readString(Events.folder().resolveSibling("statemachine/video-pipeline.asl.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> states = (Map<String, Object>) Events.read(null, asl).get("States");

        assertThat(states).containsKeys(TransitionCounter.PROBE_STATE, TransitionCounter.TRANSCODE_STATE,
                TransitionCounter.PUBLISH_STATE);
    }
}
