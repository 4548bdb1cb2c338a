package dev.clipflow.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** Cleanup against S3Proxy and Dynoxide, directly and through RequestIdFunctionInvoker (Spring Cloud Function). */
class CleanupIT {
    private static S3Client s3;
    private static VideoRepository videos;
    private static String mediaBucket;
    private static String videosTable;
    private static Cleanup cleanup;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void emulators() {
        AwsClients aws = new AwsClients(Emulators.shared().lookup());
        s3 = aws.s3();
        mediaBucket = Emulators.uniqueName("media");
        s3.createBucket(b -> b.bucket(mediaBucket));
        videosTable = Emulators.uniqueName("videos");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(aws.dynamoDb(), TemplateTables.CHANNELS, Emulators.uniqueName("channels"));
        dynamo = aws.dynamoDb();
        videos = new DynamoVideoRepository(dynamo, videosTable);
        cleanup = new Cleanup(videos, new S3ObjectStore(s3), mediaBucket);
    }

    @Test
    void apply_mediaRejected_deletesPartialOutputsAndFailsVideoWithReadableReason() {
        String videoId = processingVideo();
        putOutputs(videoId, 3);
        s3.putObject(b -> b.bucket(mediaBucket).key("videos/" + videoId + "-other/keep.ts"),
                RequestBody.fromString("x"));

        CleanupResult result = cleanup.apply(input(videoId));

        assertThat(result.objectsDeleted()).isEqualTo(3);
        assertThat(keys(MediaKeys.outputPrefix(videoId))).isEmpty();
        assertThat(keys("videos/" + videoId + "-other/")).hasSize(1);
        Video failed = videos.get(videoId);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("The uploaded file contains only audio; a video needs a picture.");
    }

    @Test
    void apply_afterProbe_recordsTheProbeUsageOnTheFailedVideo() {
        String videoId = processingVideo();
        StageUsage probeUsage = new StageUsage("probe", 1, 1200, 1769, 2, 0);
        CleanupInput afterProbe = input(videoId);
        afterProbe = new CleanupInput(1, videoId, "chan-example", null,
                new ProbeResult(null, List.of(), probeUsage), afterProbe.error());

        cleanup.apply(afterProbe);

        Video failed = videos.get(videoId);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.usage()).containsEntry("probe", probeUsage);
    }

    @Test
    void apply_chunkMapFailed_failsWithTheChunksRecordedErrorAndDeletesEveryChunksOutputs() {
        String videoId = processingVideo();
        putOutputs(videoId, 2);
        s3.putObject(b -> b.bucket(mediaBucket).key(MediaKeys.chunkManifest(videoId, 3)), RequestBody.fromString("{}"));
        String cause = "{\"errorMessage\":\"CORRUPT: The uploaded file is damaged and cannot be decoded. (ffmpeg: "
                + "Invalid NAL unit size)\",\"errorType\":\"dev.clipflow.media.MediaRejectedException\"}";
        // What the state machine's "Record the chunk failure" step writes.
        dynamo.updateItem(b -> b.tableName(videosTable).key(Map.of("videoId", AttributeValue.fromS(videoId)))
                .updateExpression("SET transcodeFailure = :f").expressionAttributeValues(Map.of(":f",
                        AttributeValue.fromM(Map.of("error", AttributeValue.fromS(
                                "dev.clipflow.media.MediaRejectedException"), "cause", AttributeValue.fromS(cause),
                                "executionId", AttributeValue.fromS("arn:exec"), "at",
                                AttributeValue.fromS("2026-12-07T10:00:00Z"))))));
        CleanupInput mapFailed = new CleanupInput(1, videoId, "chan-example", null, null,
                new PipelineError("States.ExceedToleratedFailureThreshold",
                        "The specified tolerated failure threshold was exceeded"));

        CleanupResult result = cleanup.apply(mapFailed);

        assertThat(result.objectsDeleted()).isEqualTo(3);
        assertThat(keys(MediaKeys.outputPrefix(videoId))).isEmpty();
        assertThat(videos.get(videoId).failureReason())
                .isEqualTo("The uploaded file is damaged and cannot be decoded.");
    }

    @Test
    void apply_chunkMapFailedWithoutARecord_explainsGenerically() {
        String videoId = processingVideo();

        cleanup.apply(new CleanupInput(1, videoId, "chan-example", null, null,
                new PipelineError("States.ExceedToleratedFailureThreshold", "threshold")));

        assertThat(videos.get(videoId).failureReason()).startsWith("Processing failed because of an internal error");
    }

    @Test
    void apply_twice_isIdempotentAndNeverThrowsOnFailedVideo() {
        String videoId = processingVideo();
        putOutputs(videoId, 2);

        cleanup.apply(input(videoId));
        CleanupResult second = cleanup.apply(input(videoId));

        assertThat(second.objectsDeleted()).isZero();
        assertThat(second.status()).isEqualTo("FAILED");
        assertThat(videos.get(videoId).failureReason()).contains("only audio");
    }

    @Test
    void apply_publishedVideo_keepsOutputsAndStatus() {
        String videoId = processingVideo();
        putOutputs(videoId, 2);
        videos.publish(videoId, List.of(new Rendition("360p", 640, 360, 900_000,
                "videos/" + videoId + "/hls/360p/i.m3u8", 10)),
                new Video.PublishedAssets(MediaKeys.masterPlaylist(videoId), null, null, null));

        CleanupResult result = cleanup.apply(input(videoId));

        assertThat(result.status()).isEqualTo("PUBLISHED");
        assertThat(keys(MediaKeys.outputPrefix(videoId))).hasSize(2);
        assertThat(videos.get(videoId).status()).isEqualTo(VideoStatus.PUBLISHED);
    }

    @Test
    void apply_unknownVideo_deletesOutputsOnly() {
        String videoId = Emulators.uniqueName("gone");
        putOutputs(videoId, 1);

        CleanupResult result = cleanup.apply(input(videoId));

        assertThat(result.objectsDeleted()).isEqualTo(1);
        assertThat(result.status()).isNull();
    }

    @Test
    void apply_noVideoId_throwsNamedException() {
        assertThatThrownBy(() -> cleanup.apply(new CleanupInput(1, null, "c", null, null, null)))
                .isInstanceOf(CleanupInputMalformedException.class);
    }

    @Test
    void functionInvoker_cleanupEvent_failsVideoFromSampleEvent() throws Exception {
        String videoId = processingVideo();
        putOutputs(videoId, 2);
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", CleanupApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", videosTable);
        System.setProperty("MEDIA_BUCKET", mediaBucket);
        String event = Events.text("cleanup.json").replace("vid-example", videoId);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("cleanup").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(result).containsEntry("videoId", videoId).containsEntry("status", "FAILED")
                .containsEntry("objectsDeleted", 2);
        assertThat(videos.get(videoId).failureReason()).contains("only audio");
    }

    private static CleanupInput input(String videoId) {
        Map<String, Object> event = Events.read("cleanup.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) event.get("error");
        return new CleanupInput(1, videoId, "chan-example", null, null,
                new PipelineError((String) error.get("Error"), (String) error.get("Cause")));
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

    private static void putOutputs(String videoId, int count) {
        for (int i = 0; i < count; i++) {
            String key = MediaKeys.hlsPrefix(videoId) + "360p/segment" + i + ".ts";
            s3.putObject(b -> b.bucket(mediaBucket).key(key), RequestBody.fromString("segment"));
        }
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(mediaBucket).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }
}
