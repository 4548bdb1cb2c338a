package dev.clipflow.transcodechunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.events.PipelineStage;
import dev.clipflow.catalog.events.StageProgress;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.ffmpeg.FfmpegBinaries;
import dev.clipflow.ffmpeg.FfmpegTranscoder;
import dev.clipflow.ffmpeg.FfprobeMediaProber;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.SourceObject;
import dev.clipflow.pipeline.TranscodePlan;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.media.TestVideos;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.json.JsonMapper;

/** The chunk function against S3Proxy and Dynoxide with real ffmpeg, directly and through RequestIdFunctionInvoker. */
class TranscodeChunkIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestVideos.Synthetic SOURCE = new TestVideos.Synthetic("chunk-function.mp4", "320x180",
            "25", 20, 20, 50, false);
    private static S3Client s3;
    private static VideoRepository videos;
    private static String uploads;
    private static String media;
    private static String videosTable;
    private static MediaInfo info;
    private static List<RenditionSpec> ladder;
    private static TranscodePlan plan;
    private static long size;

    @TempDir
    Path work;

    @BeforeAll
    static void emulators() throws Exception {
        AwsClients aws = new AwsClients(Emulators.shared().lookup());
        s3 = aws.s3();
        uploads = Emulators.uniqueName("uploads");
        media = Emulators.uniqueName("media");
        s3.createBucket(b -> b.bucket(uploads));
        s3.createBucket(b -> b.bucket(media));
        videosTable = Emulators.uniqueName("videos");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(aws.dynamoDb(), TemplateTables.CHANNELS, Emulators.uniqueName("channels"));
        videos = new DynamoVideoRepository(aws.dynamoDb(), videosTable);
        Path file = TestVideos.shared().synthetic(SOURCE);
        size = Files.size(file);
        info = new FfprobeMediaProber(FfmpegBinaries.fromEnvironment()).probe(file);
        ladder = new LadderPlanner().plan(info);
        plan = new ChunkPlanner(8, 1).plan(info);
    }

    private TranscodeChunk function() {
        return function(StageProgress.NONE);
    }

    private TranscodeChunk function(StageProgress progress) {
        return new TranscodeChunk(new S3ObjectStore(s3), videos,
                new FfmpegTranscoder(FfmpegBinaries.fromEnvironment(), "ultrafast"), media, work.toString(), 10240,
                Duration.ofMinutes(2), progress);
    }

    @Test
    void apply_middleChunk_writesItsSegmentsInPlaceAndItsManifest() throws Exception {
        String videoId = processingVideo();
        TranscodeChunkInput input = input(videoId, plan.chunks().get(1), 2);

        TranscodeChunkResult result = function().apply(input);

        String hls = MediaKeys.hlsPrefix(videoId) + ladder.getFirst().name() + "/";
        assertThat(keys(hls)).containsExactly(hls + "seg_00002.ts", hls + "seg_00003.ts");
        assertThat(keys(MediaKeys.chunksPrefix(videoId))).contains(MediaKeys.chunkManifest(videoId, 1));
        assertThat(keys(MediaKeys.outputPrefix(videoId))).noneMatch(k -> k.endsWith(".m3u8"))
                .doesNotContain(MediaKeys.poster(videoId));
        ChunkManifest manifest = JSON.readValue(s3.getObjectAsBytes(b -> b.bucket(media)
                .key(MediaKeys.chunkManifest(videoId, 1))).asUtf8String(), ChunkManifest.class);
        assertThat(manifest.index()).isEqualTo(1);
        assertThat(manifest.attempt()).isEqualTo(2);
        assertThat(manifest.renditions().getFirst().segments()).extracting(s -> s.name())
                .containsExactly("seg_00002.ts", "seg_00003.ts");
        assertThat(manifest.tiles()).containsExactly(8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(manifest.usage().s3Gets()).isGreaterThan(1);
        assertThat(result.segments()).isEqualTo(2);
        assertThat(result.sourceBytesRead()).isPositive();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void apply_chunkHoldingThePoster_writesIt() {
        String videoId = processingVideo();

        function().apply(input(videoId, plan.chunks().getFirst(), 0));

        assertThat(keys(MediaKeys.outputPrefix(videoId))).contains(MediaKeys.poster(videoId),
                MediaKeys.chunkTile(videoId, 0));
    }

    @Test
    void apply_repeated_writesTheSameKeysWithTheSameSegmentsAndCountsTheChunkOnce() {
        String videoId = processingVideo();
        TranscodeChunkInput input = input(videoId, plan.chunks().get(1), 0);
        List<VideoEvent> published = new CopyOnWriteArrayList<>();
        StageProgress progress = new StageProgress(videos, published::add, Clock.systemUTC());

        function(progress).apply(input);
        List<String> first = keys(MediaKeys.outputPrefix(videoId));
        List<String> segments = segments(videoId);
        function(progress).apply(input);

        // One chunk done of the plan's, once: the retry counted nothing and published nothing.
        assertThat(published).singleElement().satisfies(e -> assertThat(e.detail())
                .containsEntry("stage", "transcode")
                .containsEntry("chunksDone", 1).containsEntry("chunksTotal", plan.chunks().size())
                .containsEntry("videoId", videoId).containsEntry("ownerId", "owner-1"));
        assertThat(published.getFirst().detailType()).isEqualTo("Stage Progress");
        assertThat(videos.get(videoId).progress())
                .isEqualTo(PipelineStage.TRANSCODE.part(1, plan.chunks().size()));

        // x264's rate control under VBV is not bit-exact between runs with frame threads (measured), so the bytes
        // may differ; the keys, the frames and their times may not.
        assertThat(keys(MediaKeys.outputPrefix(videoId))).isEqualTo(first).isNotEmpty();
        assertThat(segments(videoId)).isEqualTo(segments).hasSize(2);
    }

    /** Each segment of the chunk's manifest as name and duration. */
    private static List<String> segments(String videoId) {
        ChunkManifest manifest = JSON.readValue(s3.getObjectAsBytes(b -> b.bucket(media)
                .key(MediaKeys.chunkManifest(videoId, 1))).asUtf8String(), ChunkManifest.class);
        return manifest.renditions().stream().flatMap(r -> r.segments().stream())
                .map(s -> s.name() + "=" + s.durationSeconds()).toList();
    }

    @Test
    void apply_videoFailedWhileTheChunkRan_deletesWhatItWroteAndFails() {
        String videoId = processingVideo();
        videos.fail(videoId, "Another chunk failed.");

        assertThatThrownBy(() -> function().apply(input(videoId, plan.chunks().get(1), 0)))
                .isInstanceOf(VideoNoLongerProcessingException.class).hasMessageContaining("FAILED");
        assertThat(keys(MediaKeys.outputPrefix(videoId))).isEmpty();
    }

    @Test
    void apply_sourceGone_throwsTheNamedError() {
        String videoId = processingVideo();
        TranscodeChunkInput input = input(videoId, plan.chunks().get(1), 0);
        s3.deleteObject(b -> b.bucket(uploads).key(input.source().key()));

        assertThatThrownBy(() -> function().apply(input)).isInstanceOf(ChunkSourceMissingException.class);
        assertThat(keys(MediaKeys.outputPrefix(videoId))).isEmpty();
    }

    @Test
    void apply_withoutAChunk_throwsMalformedInput() {
        TranscodeChunkInput input = new TranscodeChunkInput(1, "vid-x", null, info, ladder, null, null, 0, null);

        assertThatThrownBy(() -> function().apply(input)).isInstanceOf(TranscodeChunkInputMalformedException.class);
    }

    @Test
    void functionInvoker_sampleEvent_encodesTheChunk() throws Exception {
        String videoId = processingVideo();
        upload(videoId);
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", TranscodeChunkApplication.class.getName());
        System.setProperty("MEDIA_BUCKET", media);
        System.setProperty("VIDEOS_TABLE", videosTable);
        System.setProperty("X264_PRESET", "ultrafast");
        System.setProperty("WORK_DIR", Files.createDirectories(work.resolve("lambda-tmp")).toString());
        String event = Events.text("transcode-chunk.json").replace("vid-example", videoId)
                .replace("clipflow-uploads-example", uploads).replace("\"size\": 1048576", "\"size\": " + size);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("transcodeChunk").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(result).containsEntry("index", 1).containsEntry("segments", 2)
                .containsEntry("manifestKey", MediaKeys.chunkManifest(videoId, 1));
    }

    private static TranscodeChunkInput input(String videoId, ChunkSpec chunk, int attempt) {
        return new TranscodeChunkInput(1, videoId, upload(videoId), info, ladder, chunk, plan.chunks().size(),
                attempt, "exec-" + videoId);
    }

    private static SourceObject upload(String videoId) {
        String key = "uploads/chan-example/" + videoId + "/my holiday + vidéo.mp4";
        s3.putObject(b -> b.bucket(uploads).key(key), RequestBody.fromFile(TestVideos.shared().synthetic(SOURCE)));
        return new SourceObject(uploads, key, size, "e", null, null);
    }

    private static String processingVideo() {
        String videoId = Emulators.uniqueName("vid");
        Instant now = Instant.now();
        videos.create(new Video(videoId, "chan-example", "owner-1", "t", "", List.of(), 10, "video/mp4",
                MediaKeys.upload("chan-example", videoId, "a.mp4").key(), null, VideoStatus.AWAITING_UPLOAD, null,
                null, null, null, null, now, now));
        videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        return videoId;
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(media).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }
}
