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
        assertThat(entered(result)).doesNotContain("Clean up the failed video", "Transcode the chunks")
                .containsSubsequence("Probe the source", "Choose one pass or chunks", "Transcode the HLS ladder",
                        "Publish the video");
    }

    @Test
    void chunkedHappyPath_mapsOneChildExecutionPerChunkThenStitches() {
        ExecutionResult result = run("ChunkedHappyPath");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(entered(result)).containsSubsequence("Probe the source", "Choose one pass or chunks",
                "Transcode the chunks", "Stitch the renditions", "Publish the video")
                .doesNotContain("Transcode the HLS ladder", "Clean up the failed video");
        assertThat(types(result)).contains("MapRunStarted", "MapRunSucceeded");
        assertThat(result.mapRuns()).hasSize(1);
        var children = result.mapRuns().getFirst().children();
        assertThat(children).hasSize(3);
        assertThat(children).allSatisfy(c -> assertThat(c.status().name()).isEqualTo("SUCCEEDED"));
        assertThat(children.get(2).input().at("/chunk/startSeconds").intValue()).isEqualTo(80);
        assertThat(children.get(2).input().at("/chunk/endSeconds").isNull()).isTrue();
        assertThat(children.get(1).input().at("/ladder").size()).isEqualTo(2);
        assertThat(result.output().at("/transcode/masterPlaylistKey").textValue())
                .isEqualTo("videos/vid-example/hls/master.m3u8");
    }

    @Test
    void chunkThrottledOnce_retriesThatChunkOnly() {
        ExecutionResult result = run("ChunkThrottledOnce");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        var children = result.mapRuns().getFirst().children();
        assertThat(children).extracting(c -> c.history().events().stream().filter(e -> e.type().equals("TaskScheduled"))
                .count()).containsExactly(2L, 1L, 1L);
    }

    @Test
    void chunkFailsForGood_recordsItsErrorStopsTheMapAndCompensates() {
        ExecutionResult result = run("ChunkFailsForGood");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(entered(result)).contains("Transcode the chunks", "Clean up the failed video")
                .doesNotContain("Stitch the renditions", "Publish the video");
        var children = result.mapRuns().getFirst().children();
        assertThat(children).hasSize(1).first().satisfies(c -> {
            assertThat(c.error()).isEqualTo("dev.clipflow.media.MediaRejectedException");
            assertThat(c.history().events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("TaskStateEntered"));
        });
        assertThat(names(children.getFirst().history().events())).contains("Record the chunk failure", "Chunk failed");
    }

    @Test
    void chunkTimesOutTwice_isRetriedOnceThenRecordedWithACauseAndCompensated() {
        ExecutionResult result = run("ChunkTimesOutTwice");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(entered(result)).contains("Clean up the failed video");
        var child = result.mapRuns().getFirst().children().getFirst();
        assertThat(child.error()).isEqualTo("States.Timeout");
        assertThat(child.cause()).contains("did not finish within its time limit");
        assertThat(child.history().events().stream().filter(e -> e.type().equals("TaskScheduled"))
                .filter(e -> e.details().path("resourceType").asText().equals("lambda")).count())
                .as("the chunk's function, retried once").isEqualTo(2);
        assertThat(names(child.history().events()))
                .containsSubsequence("Note the chunk's timeout", "Record the chunk failure");
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
        assertThat(result.output().at("/afterPublish/0/error").textValue())
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(result.output().at("/afterPublish/1/related").intValue()).isEqualTo(5);
        assertThat(entered(result)).contains("Record the fan-out failure", "Announce the fan-out failure",
                "Count the fan-out failure").doesNotContain("Clean up the failed video");
    }

    @Test
    void fanoutFailsAndTheBusRefuses_theBranchStillEndsWellAndCounts() {
        ExecutionResult result = run("FanoutFailsAndTheBusRefuses");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().at("/afterPublish/0/failed").booleanValue()).isTrue();
        assertThat(entered(result)).contains("Announce the fan-out failure", "Count the fan-out failure");
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

    private static List<String> names(List<HistoryEvent> history) {
        return history.stream().filter(e -> e.type().endsWith("StateEntered")).map(HistoryEvent::details)
                .map(d -> d.get("name").textValue()).toList();
    }

    private static List<String> types(ExecutionResult result) {
        return result.history().stream().map(HistoryEvent::type).toList();
    }

    private static long scheduled(ExecutionResult result) {
        return result.history().stream().filter(e -> e.type().equals("TaskScheduled")).count();
    }
}
