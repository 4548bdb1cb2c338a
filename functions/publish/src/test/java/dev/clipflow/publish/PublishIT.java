package dev.clipflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.TranscodeResult;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Publish against Dynoxide; the execution history is a fake of our port (no Step Functions emulator yet). */
class PublishIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static VideoRepository videos;
    private static String videosTable;

    private ByteArrayOutputStream stdout;
    private Publish publish;

    @BeforeAll
    static void emulators() {
        AwsClients aws = new AwsClients(Emulators.shared().lookup());
        videosTable = Emulators.uniqueName("videos");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(aws.dynamoDb(), TemplateTables.CHANNELS, Emulators.uniqueName("channels"));
        videos = new DynamoVideoRepository(aws.dynamoDb(), videosTable);
    }

    @BeforeEach
    void publishWithFakeHistory() {
        stdout = new ByteArrayOutputStream();
        Map<String, Integer> history = new LinkedHashMap<>();
        history.put("Probe the source", 2);
        history.put("Transcode the HLS ladder", 1);
        history.put("Publish the video", 1);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        publish = new Publish(videos, id -> history, new CostEstimator(PriceTable.US_EAST_1),
                new EmfMetrics(new PrintStream(stdout, true, StandardCharsets.UTF_8), "Clipflow", "clipflow", clock),
                1024, clock);
    }

    @Test
    void apply_processingVideo_publishesWithMediaUsageAndCost() {
        String videoId = processingVideo();

        PublishResult result = publish.apply(input(videoId));

        Video video = videos.get(videoId);
        assertThat(video.status()).isEqualTo(VideoStatus.PUBLISHED);
        assertThat(video.media().displayWidth()).isEqualTo(1920);
        assertThat(video.renditions()).extracting(r -> r.name()).containsExactly("360p", "720p");
        assertThat(video.assets().masterPlaylistKey()).isEqualTo(MediaKeys.masterPlaylist(videoId));
        assertThat(video.usage()).containsOnlyKeys("probe", "transcode", "publish");
        assertThat(video.usage().get("probe").stateTransitions()).isEqualTo(2);
        assertThat(video.usage().get("transcode")).isEqualTo(
                new StageUsage("transcode", 1, 41000, 10240, 1, 6550000));
        assertThat(video.usage().get("publish").stateTransitions()).isEqualTo(3);
        assertThat(result.status()).isEqualTo("PUBLISHED");
        assertThat(result.estimatedCostUsd()).isPositive()
                .isEqualByComparingTo(new CostEstimator(PriceTable.US_EAST_1).estimate(video.usage()).total());
    }

    @Test
    void apply_chunkedTranscode_countsEveryChunkAndTheChildExecutionsTransitions() {
        String videoId = processingVideo();
        Map<String, Integer> chunked = new LinkedHashMap<>();
        chunked.put("Probe the source", 1);
        chunked.put("Choose one pass or chunks", 1);
        chunked.put("Transcode the chunks", 1);
        chunked.put("Stitch the renditions", 1);
        chunked.put("Publish the video", 1);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        Publish publishChunked = new Publish(videos, id -> chunked, new CostEstimator(PriceTable.US_EAST_1),
                new EmfMetrics(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "Clipflow",
                        "clipflow", clock), 1024, clock);
        PublishInput input = input(videoId);
        TranscodeResult t = input.transcode();
        // What the stitch step reports for 90 chunks, two of them retried once: 93 invocations (with itself).
        StageUsage stitched = new StageUsage("transcode", 93, 3_000_000, 10240, 92, 5_000_000_000L, 4_600L, 1_200L);
        PublishInput chunkedInput = new PublishInput(1, videoId, input.channelId(), input.source(), input.probe(),
                new TranscodeResult(t.masterPlaylistKey(), t.posterKey(), t.spriteKey(), t.spriteIndexKey(),
                        t.renditions(), t.bytesStored(), stitched), input.executionId(), 4);

        publishChunked.apply(chunkedInput);

        StageUsage recorded = videos.get(videoId).usage().get("transcode");
        assertThat(recorded.invocations()).isEqualTo(93);
        assertThat(recorded.stateTransitions()).as("92 in the children, the Choice, the Map and the stitch task")
                .isEqualTo(95);
        assertThat(recorded.s3Puts()).isEqualTo(4_600L);
        assertThat(recorded.s3Gets()).isEqualTo(1_200L);
        var cost = new CostEstimator(PriceTable.US_EAST_1).stageCost(recorded);
        assertThat(cost.stateTransitions()).isEqualByComparingTo("0.00237500");
    }

    @Test
    void apply_emitsOneEmfLinePerPublishedVideoEvenWhenRepeated() {
        String videoId = processingVideo();

        publish.apply(input(videoId));
        PublishResult again = publish.apply(input(videoId));

        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        Map<String, Object> emf = Events.read(null, lines.getFirst());
        assertThat(emf).containsEntry("VideosPublished", 1).containsEntry("videoId", videoId)
                .containsKey("EstimatedCostUsd").containsKey("_aws");
        assertThat(emf.get("_aws").toString()).contains("Clipflow").contains("VideosPublished");
        assertThat(again.status()).isEqualTo("PUBLISHED");
    }

    @Test
    void apply_failedVideo_throwsTransitionException() {
        String videoId = processingVideo();
        videos.fail(videoId, "The creator aborted the upload.");

        assertThatThrownBy(() -> publish.apply(input(videoId))).isInstanceOf(VideoTransitionException.class);
    }

    @Test
    void apply_missingTranscode_throwsNamedException() {
        PublishInput input = input(processingVideo());
        PublishInput broken = new PublishInput(1, input.videoId(), input.channelId(), input.source(), input.probe(),
                null, null, null);

        assertThatThrownBy(() -> publish.apply(broken)).isInstanceOf(PublishInputMalformedException.class);
    }

    @Test
    void functionInvoker_publishEvent_publishesVideo() throws Exception {
        String videoId = processingVideo();
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:9");
        System.setProperty("MAIN_CLASS", PublishApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", videosTable);
        String event = Events.text("publish.json").replace("vid-example", videoId);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("publish").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(result).containsEntry("status", "PUBLISHED").containsKey("estimatedCostUsd");
        assertThat(new BigDecimal(result.get("estimatedCostUsd").toString())).isPositive();
        assertThat(videos.get(videoId).status()).isEqualTo(VideoStatus.PUBLISHED);
    }

    private static PublishInput input(String videoId) {
        String json = Events.text("publish.json").replace("vid-example", videoId);
        return JSON.readValue(json, PublishInput.class);
    }

    private static String processingVideo() {
        String videoId = Emulators.uniqueName("vid");
        Instant now = Instant.now();
        videos.create(new Video(videoId, "chan-example", "owner-1", "t", "", List.of(), 1048576, "video/mp4",
                MediaKeys.upload("chan-example", videoId, "a.mp4").key(), null, VideoStatus.AWAITING_UPLOAD, null,
                null, null, null, null, now, now));
        videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        return videoId;
    }
}
