package dev.clipflow.aws.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionState;
import dev.clipflow.pipeline.TransientStageException;
import dev.clipflow.testing.FakeStepFunctions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The Step Functions adapters through the real SDK client against a loopback Step Functions fake. */
class SfnAdaptersIT {
    private static final String MACHINE =
            "arn:aws:states:us-east-1:111122223333:stateMachine:clipflow-test-video-pipeline";

    private FakeStepFunctions fake;
    private SfnClient sfn;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeStepFunctions();
        Map<String, String> config = Map.of("AWS_ENDPOINT_URL_SFN", fake.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1");
        sfn = new AwsClients(config::get).sfn();
    }

    @AfterEach
    void stop() {
        sfn.close();
        fake.close();
    }

    @Test
    void start_sameNameThreeTimes_oneExecutionSameArn() {
        SfnExecutionStarter starter = new SfnExecutionStarter(sfn, MACHINE);

        ExecutionStart first = starter.start("vid-1-abc", "{\"videoId\":\"vid-1\"}");
        ExecutionStart second = starter.start("vid-1-abc", "{\"videoId\":\"vid-1\"}");
        ExecutionStart third = starter.start("vid-1-abc", "{\"videoId\":\"vid-1\",\"other\":true}");

        assertThat(fake.executionCount()).isEqualTo(1);
        String arn = "arn:aws:states:us-east-1:111122223333:execution:clipflow-test-video-pipeline:vid-1-abc";
        assertThat(first).isEqualTo(new ExecutionStart(arn, false));
        assertThat(second.executionId()).isEqualTo(arn);
        assertThat(third).isEqualTo(new ExecutionStart(arn, true));
    }

    @Test
    void start_throttled_throwsTransientStageException() {
        fake.throttle(true);

        assertThatThrownBy(() -> new SfnExecutionStarter(sfn, MACHINE).start("n", "{}"))
                .isInstanceOf(TransientStageException.class);
    }

    @Test
    void lookup_startedRunningThenAsSet_unknownIsEmpty_throttledIsTransient() {
        SfnExecutionLookup lookup = new SfnExecutionLookup(sfn, MACHINE);
        new SfnExecutionStarter(sfn, MACHINE).start("vid-1", "{\"videoId\":\"vid-1\"}");
        String arn = "arn:aws:states:us-east-1:111122223333:execution:clipflow-test-video-pipeline:vid-1";

        assertThat(lookup.state("vid-1")).contains(ExecutionState.RUNNING);
        fake.status(arn, "FAILED");
        assertThat(lookup.state("vid-1")).contains(ExecutionState.FAILED);
        fake.status(arn, "TIMED_OUT");
        assertThat(lookup.state("vid-1")).contains(ExecutionState.TIMED_OUT);
        fake.status(arn, "PENDING_REDRIVE");
        assertThat(lookup.state("vid-1")).contains(ExecutionState.RUNNING);
        assertThat(lookup.state("vid-2")).isEmpty();
        fake.throttle(true);
        assertThatThrownBy(() -> lookup.state("vid-1")).isInstanceOf(TransientStageException.class);
    }

    @Test
    void transitionsByState_countsEntriesAndRetriesAcrossPages() {
        fake.history(event(1, "ExecutionStarted", null));
        fake.history(event(2, "TaskStateEntered", "Probe the source"));
        fake.history(event(3, "TaskScheduled", null));
        fake.history(event(4, "TaskFailed", null));
        fake.history(event(5, "TaskScheduled", null));
        fake.history(event(6, "TaskSucceeded", null));
        fake.history(event(7, "TaskStateExited", null));
        fake.history(event(8, "TaskStateEntered", "Transcode the HLS ladder"));
        fake.history(event(9, "TaskScheduled", null));
        fake.history(event(10, "TaskStateEntered", "Publish the video"));
        fake.history(event(11, "TaskScheduled", null));

        Map<String, Integer> counted = new SfnExecutionHistory(sfn).transitionsByState(MACHINE + ":x");

        assertThat(counted).containsExactly(Map.entry("Probe the source", 2), Map.entry("Transcode the HLS ladder", 1),
                Map.entry("Publish the video", 1));
    }

    private static String event(int id, String type, String enteredState) {
        String details = enteredState == null ? ""
                : ",\"stateEnteredEventDetails\":{\"name\":\"" + enteredState + "\"}";
        return "{\"timestamp\":1764151200.0,\"type\":\"" + type + "\",\"id\":" + id + ",\"previousEventId\":"
                + (id - 1) + details + "}";
    }
}
