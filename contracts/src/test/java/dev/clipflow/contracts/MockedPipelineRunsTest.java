package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.HistoryEvent;
import dev.clipflow.local.asl.eval.ManualClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.mock.MockConfig;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.parse.ParseResult;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every path through the pipeline in {@code statemachine/mocks/video-pipeline-mocks.json}, run by
 * the local engine on the real definition: what Retry, Catch, compensation and the Parallel after
 * publish do when a stage succeeds, throttles, fails for good, or the compensation itself fails.
 */
class MockedPipelineRunsTest {
    private static final String INPUT = """
            {"schemaVersion":1,"videoId":"vid-example","channelId":"chan-example",
             "source":{"bucket":"b","key":"uploads/chan-example/vid-example/a.mp4","size":1,"eTag":"e",
                       "versionId":null,"sequencer":"01"}}""";

    @Test
    void happyPath_succeedsWithBothBranchResults() {
        ExecutionResult result = run("HappyPath");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().at("/afterPublish/0/mode").textValue()).isEqualTo("INLINE");
        assertThat(result.output().at("/afterPublish/1/related").intValue()).isEqualTo(5);
        assertThat(entered(result)).doesNotContain("Clean up the failed video");
    }

    @Test
    void transcodeThrottledOnce_isRetriedAndSucceeds() {
        ExecutionResult result = run("TranscodeThrottledOnce");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(scheduled(result)).isEqualTo(1 + 2 + 1 + 2);
    }

    @Test
    void probeRejectsAudioOnly_runsCleanupThenFailsWithTheOriginalError() {
        ExecutionResult result = run("ProbeRejectsAudioOnly");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("dev.clipflow.media.MediaRejectedException");
        assertThat(entered(result)).contains("Clean up the failed video").doesNotContain("Transcode the HLS ladder");
    }

    @Test
    void transientForever_retriesTranscodeThreeTimesThenCompensates() {
        ExecutionResult result = run("TransientForever");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("dev.clipflow.pipeline.TransientStageException");
        assertThat(scheduled(result)).as("probe 1, transcode 1 + 3 retries, cleanup 1").isEqualTo(6);
    }

    @Test
    void cleanupFailsForGood_stillEndsInTheFailStateWithTheOriginalError() {
        ExecutionResult result = run("CleanupFailsForGood");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("dev.clipflow.media.MediaRejectedException");
    }

    @Test
    void fanoutFailsForGood_recordsTheFailureAndTheExecutionSucceeds() {
        ExecutionResult result = run("FanoutFailsForGood");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().at("/afterPublish/0/failed").booleanValue()).isTrue();
        assertThat(result.output().at("/afterPublish/0/error").textValue()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.output().at("/afterPublish/1/related").intValue()).isEqualTo(5);
        assertThat(entered(result)).contains("Record the fan-out failure", "Count the fan-out failure")
                .doesNotContain("Clean up the failed video");
    }

    @Test
    void fanoutThrottledOnce_isRetriedWithinTheBranch() {
        ExecutionResult result = run("FanoutThrottledOnce");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().at("/afterPublish/0/mode").textValue()).isEqualTo("INLINE");
        assertThat(entered(result)).doesNotContain("Record the fan-out failure");
    }

    private static ExecutionResult run(String testCase) {
        ParseResult parsed = DefinitionParser.parse(Repo.text(Repo.ASL));
        assertThat(parsed.diagnostics()).isEmpty();
        MockConfig mocks = MockConfig.parse(Json.parse(Repo.text("statemachine/mocks/video-pipeline-mocks.json")));
        var invoker = mocks.invoker("VideoPipeline", testCase, new IntegrationTaskInvoker(LambdaResolver.none(),
                null, null));
        Engine engine = new Engine(invoker, new ManualClock(Instant.parse("2026-11-26T10:00:00Z")));
        return engine.execute(parsed.model(), Json.parse(INPUT),
                ExecutionOptions.defaults().withStateMachineName("VideoPipeline").withHistory(true));
    }

    private static List<String> entered(ExecutionResult result) {
        return result.history().stream()
                .filter(e -> e.type().endsWith("StateEntered"))
                .map(HistoryEvent::details)
                .map(d -> d.get("name").textValue())
                .toList();
    }

    private static long scheduled(ExecutionResult result) {
        return result.history().stream().filter(e -> e.type().equals("TaskScheduled")).count();
    }
}
