package dev.clipflow.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.cost.CostCeiling;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import dev.clipflow.ffmpeg.FfmpegBinaries;
import dev.clipflow.ffmpeg.FfprobeMediaProber;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.MediaLimits;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.SourceObject;
import dev.clipflow.pipeline.TranscodeMode;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.media.TestVideos;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The probe stage against S3Proxy with real ffprobe. */
class ProbeIT {
    private static final String KEY = "uploads/chan-example/vid-example/my holiday + vidéo.mp4";
    private static S3Client s3;
    private static String bucket;

    @TempDir
    Path work;

    @BeforeAll
    static void emulators() {
        s3 = new AwsClients(Emulators.shared().lookup()).s3();
        bucket = Emulators.uniqueName("uploads");
        s3.createBucket(b -> b.bucket(bucket));
    }

    private Probe probe(MediaLimits limits) {
        return probe(limits, ChunkPlanner.DEFAULT);
    }

    private Probe probe(MediaLimits limits, ChunkPlanner chunks) {
        return new Probe(new S3ObjectStore(s3), new FfprobeMediaProber(FfmpegBinaries.fromEnvironment()),
                new LadderPlanner(), chunks, limits, 1769);
    }

    private static PipelineInput upload(String videoId, Path file) {
        String key = KEY.replace("vid-example", videoId);
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        return new PipelineInput(1, videoId, "chan-example", new SourceObject(bucket, key, 0, "e", null, null));
    }

    @Test
    void apply_rotatedPhoneVideo_plansPortraitLadderAndRecordsUsage() {
        ProbeResult result = probe(MediaLimits.DEFAULT).apply(
                upload(Emulators.uniqueName("vid"), TestVideos.shared().rotated()));

        assertThat(result.media().displayWidth()).isEqualTo(360);
        assertThat(result.media().displayHeight()).isEqualTo(640);
        assertThat(result.ladder()).extracting(r -> r.width() + "x" + r.height()).containsExactly("240x426", "360x640");
        assertThat(result.usage().stage()).isEqualTo("probe");
        assertThat(result.usage().invocations()).isEqualTo(1);
        assertThat(result.usage().memoryMb()).isEqualTo(1769);
        assertThat(result.usage().durationMillis()).isPositive();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void apply_audioOnly_isRejectedAndLeavesNoScratchFiles() {
        PipelineInput input = upload(Emulators.uniqueName("vid"), TestVideos.shared().audioOnly());

        assertThatThrownBy(() -> probe(MediaLimits.DEFAULT).apply(input))
                .isInstanceOf(MediaRejectedException.class)
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.AUDIO_ONLY));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void apply_emptyObject_isRejectedWithoutDownloading() {
        PipelineInput input = upload(Emulators.uniqueName("vid"), TestVideos.shared().emptyFile());

        assertThatThrownBy(() -> probe(MediaLimits.DEFAULT).apply(input))
                .hasMessageContaining("EMPTY_FILE");
    }

    @Test
    void apply_longerThanTheLimit_isRejectedAsTooLong() {
        PipelineInput input = upload(Emulators.uniqueName("vid"), TestVideos.shared().landscape());

        assertThatThrownBy(() -> probe(new MediaLimits(3, 4096)).apply(input))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("TOO_LONG");
    }

    @Test
    void apply_shortClip_plansOnePass() {
        ProbeResult result = probe(MediaLimits.DEFAULT).apply(
                upload(Emulators.uniqueName("vid"), TestVideos.shared().landscape()));

        assertThat(result.plan().mode()).isEqualTo(TranscodeMode.ONE_PASS);
        assertThat(result.plan().chunks()).isEmpty();
    }

    @Test
    void apply_longerThanTheChunkThreshold_plansChunksOnTheSegmentGrid() {
        ProbeResult result = probe(MediaLimits.DEFAULT, new ChunkPlanner(4, 2)).apply(
                upload(Emulators.uniqueName("vid"), TestVideos.shared().landscape()));

        assertThat(result.plan().mode()).isEqualTo(TranscodeMode.CHUNKED);
        assertThat(result.plan().chunks()).extracting(c -> c.startSeconds() + "-" + c.endSeconds())
                .containsExactly("0-null");
    }

    @Test
    void apply_longerThanTheChannelAllows_isRejectedAsTooLong() {
        String videoId = Emulators.uniqueName("vid");
        PipelineInput uploaded = upload(videoId, TestVideos.shared().landscape());
        PipelineInput input = new PipelineInput(1, videoId, "chan-example", uploaded.source(), null, 3.0);

        assertThatThrownBy(() -> probe(MediaLimits.DEFAULT).apply(input))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("TOO_LONG").hasMessageContaining("the maximum is 3 s");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vp8", "vp9"})
    void apply_browserRecordingWithoutADuration_measuresItsLengthByRange(String codec) {
        ProbeResult result = probe(MediaLimits.DEFAULT).apply(
                upload(Emulators.uniqueName("vid"), TestVideos.shared().browserRecording(codec)));

        assertThat(result.media().formatName()).contains("webm");
        assertThat(result.media().durationSeconds()).isCloseTo(3.0, Offset.offset(0.1));
        assertThat(result.media().pictureEndSeconds()).isCloseTo(3.0, Offset.offset(0.1));
        assertThat(result.media().frameRate()).isCloseTo(30, Offset.offset(1.0));
        assertThat(result.plan().mode()).isEqualTo(TranscodeMode.ONE_PASS);
    }

    @Test
    void apply_browserRecordingLargerThanTheTailWindow_measuresItsLengthFromItsLastClusters() throws Exception {
        Path file = TestVideos.shared().browserRecording("vp8", 12, 6000);
        assertThat(Files.size(file)).as("larger than the probe's first tail window, 4 MiB").isGreaterThan(4L << 20);

        ProbeResult result = probe(MediaLimits.DEFAULT).apply(upload(Emulators.uniqueName("vid"), file));

        assertThat(result.media().durationSeconds()).isCloseTo(12.0, Offset.offset(0.1));
        assertThat(result.media().pictureEndSeconds()).isCloseTo(12.0, Offset.offset(0.1));
    }

    static Stream<Arguments> decodeBombs() {
        TestVideos videos = TestVideos.shared();
        return Stream.of(
                Arguments.of("240 fps", (Supplier<Path>) () -> videos.decodeBomb("fps240.mp4", "320x240", "240", 12,
                        "1"), MediaRejectionReason.FRAME_RATE_TOO_HIGH),
                Arguments.of("8192x128 coded, shown 128x128", (Supplier<Path>) () -> videos.decodeBomb(
                        "coded8192.mp4", "8192x128", "25", 2, "1/64"), MediaRejectionReason.CODED_SIZE_TOO_LARGE),
                Arguments.of("4096x2160 at 100 fps", (Supplier<Path>) () -> videos.decodeBomb("dci4k100.mp4",
                        "4096x2160", "100", 3, "1"), MediaRejectionReason.PIXEL_RATE_TOO_HIGH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodeBombs")
    void apply_decodeBomb_isRejectedAtProbeWithANamedReason(String name, Supplier<Path> file,
                                                            MediaRejectionReason reason) {
        PipelineInput input = upload(Emulators.uniqueName("vid"), file.get());

        assertThatThrownBy(() -> probe(MediaLimits.DEFAULT).apply(input))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageStartingWith(reason.name())
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason()).isEqualTo(reason));
    }

    @Test
    void apply_forecastAboveTheChannelsCostCeiling_isRefusedWithANamedReason() {
        String videoId = Emulators.uniqueName("vid");
        PipelineInput uploaded = upload(videoId, TestVideos.shared().landscape());
        PipelineInput input = new PipelineInput(1, videoId, "chan-example", uploaded.source(), null, null,
                new BigDecimal("0.0001"));

        assertThatThrownBy(() -> probe(MediaLimits.DEFAULT).apply(input))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageStartingWith("COST_ABOVE_CEILING")
                .hasMessageContaining("the ceiling is 0.0001 USD")
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.COST_ABOVE_CEILING));
    }

    @Test
    void apply_forecastAboveTheDeploymentsDefaultCeiling_isRefusedUnlessTheChannelAllowsMore() {
        Probe strict = new Probe(new S3ObjectStore(s3), new FfprobeMediaProber(FfmpegBinaries.fromEnvironment()),
                new LadderPlanner(), ChunkPlanner.DEFAULT, MediaLimits.DEFAULT,
                new CostCeiling(new BigDecimal("0.0001")),
                new CostEstimator(PriceTable.US_EAST_1), 1769);
        String videoId = Emulators.uniqueName("vid");
        PipelineInput uploaded = upload(videoId, TestVideos.shared().landscape());
        PipelineInput generous = new PipelineInput(1, videoId, "chan-example", uploaded.source(), null, null,
                new BigDecimal("1.00"));

        assertThatThrownBy(() -> strict.apply(uploaded)).hasMessageStartingWith("COST_ABOVE_CEILING");
        assertThat(strict.apply(generous).ladder()).isNotEmpty();
    }

    @Test
    void apply_missingObject_throwsSourceMissing() {
        PipelineInput input = new PipelineInput(1, "vid-gone", "chan-example",
                new SourceObject(bucket, "uploads/chan-example/vid-gone/a.mp4", 1, "e", null, null));

        assertThatThrownBy(() -> probe(MediaLimits.DEFAULT).apply(input))
                .isInstanceOf(ProbeSourceMissingException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void functionInvoker_probeEvent_returnsMediaLadderAndUsage() throws Exception {
        String videoId = Emulators.uniqueName("vid");
        upload(videoId, TestVideos.shared().landscape());
        String event = invokerSetup(videoId);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("probe").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat((Map<String, Object>) result.get("media")).containsEntry("displayWidth", 1280)
                .containsEntry("audioCodec", "aac");
        assertThat((List<?>) result.get("ladder")).hasSize(4);
        assertThat((Map<String, Object>) result.get("usage")).containsEntry("stage", "probe")
                .containsEntry("memoryMb", 2048);
    }

    @Test
    void functionInvoker_textFile_propagatesTheNamedError() throws Exception {
        String videoId = Emulators.uniqueName("vid");
        upload(videoId, TestVideos.shared().textFile());
        String event = invokerSetup(videoId);

        assertThatThrownBy(() -> new RequestIdFunctionInvoker("probe").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                (Context) null))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("NOT_A_VIDEO");
    }

    private String invokerSetup(String videoId) throws Exception {
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", ProbeApplication.class.getName());
        System.setProperty("WORK_DIR", Files.createDirectories(work.resolve("lambda-tmp")).toString());
        System.setProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "2048");
        return Events.text("probe.json").replace("vid-example", videoId)
                .replace("clipflow-uploads-example", bucket);
    }
}
