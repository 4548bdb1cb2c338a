package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.testing.media.TestVideos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pipeline on a target without an HTTP API (localstack-community): the upload API function is invoked directly
 * with API Gateway's events ({@link DirectApi}), the parts go to S3 through the presigned URLs, S3's Object Created
 * event reaches ingest through EventBridge, the state machine runs the functions, and the Videos table says
 * PUBLISHED (or FAILED). On the other targets {@link VideoLifecycleE2E} drives the same path through the HTTP API.
 */
@ExtendWith(DeployedClipflowExtension.class)
class UploadPipelineE2E {

    static LocalStackCommunityTarget target;
    static TestUser creator;
    static String channelId;
    static final Set<String> videos = ConcurrentHashMap.newKeySet();

    /** Why this target does not run the class; null on localstack-community. */
    static String notHere;

    @BeforeAll
    static void setUp(DeployedClipflow deployed) {
        if (!(deployed instanceof LocalStackCommunityTarget community)) {
            notHere = "runs on -De2e.target=localstack-community only; on " + deployed.target().id()
                    + " VideoLifecycleE2E covers the same path through the HTTP API";
            return;
        }
        target = community;
        creator = deployed.users().create("creator");
        ObjectNode channel = ClipflowApi.object().put("name", "E2E community channel");
        channelId = expect(201, target.api().call(creator, "POST", "/channels", channel)).path("channelId").asText();
    }

    @BeforeEach
    void onlyOnLocalStackCommunity() {
        assumeTrue(notHere == null, () -> notHere);
    }

    @Test
    void s3Upload_generatedVideo_publishedInTheVideosTableWithMedia() {
        String videoId = uploadAndComplete(TestVideos.shared().landscape(), "E2E community landscape");

        Map<String, AttributeValue> item = awaitTerminal(videoId);

        assertThat(status(item)).as("video %s: %s", videoId, item).isEqualTo("PUBLISHED");
        assertThat(item).containsKey("renditions");
        String prefix = "videos/" + videoId + "/";
        assertThat(VideoLifecycleE2E.keysUnder(target, target.outputs().mediaBucket(), prefix))
                .contains(prefix + "hls/master.m3u8", prefix + "poster.jpg");
    }

    @Test
    void s3Upload_corruptVideo_failedWithReasonAndNoMedia() {
        String videoId = uploadAndComplete(TestVideos.shared().corrupt(), "E2E community corrupt");

        Map<String, AttributeValue> item = awaitTerminal(videoId);

        assertThat(status(item)).as("video %s: %s", videoId, item).isEqualTo("FAILED");
        assertThat(item.get("failureReason")).isNotNull();
        assertThat(VideoLifecycleE2E.keysUnder(target, target.outputs().mediaBucket(), "videos/" + videoId + "/"))
                .isEmpty();
    }

    static String uploadAndComplete(Path file, String title) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode create = ClipflowApi.object().put("channelId", channelId).put("title", title)
                .put("sizeBytes", size).put("contentType", "video/mp4").put("fileName", file.getFileName().toString());
        JsonNode created = expect(201, target.api().call(creator, "POST", "/videos", create));
        String videoId = created.path("videoId").asText();
        videos.add(videoId);
        ObjectNode complete = new PresignedUpload(target, target.api()).upload(creator, created, file);
        expect(200, target.api().call(creator, "POST", "/videos/" + videoId + "/upload/complete", complete));
        return videoId;
    }

    /** Reads the Videos table (as the catalog's owner wrote it) until PUBLISHED or FAILED. */
    static Map<String, AttributeValue> awaitTerminal(String videoId) {
        long end = System.nanoTime() + target.processingTimeout().toNanos();
        Map<String, AttributeValue> item = video(videoId);
        while (!Set.of("PUBLISHED", "FAILED").contains(status(item)) && System.nanoTime() < end) {
            VideoLifecycleE2E.sleep(Duration.ofSeconds(1));
            item = video(videoId);
        }
        return item;
    }

    static Map<String, AttributeValue> video(String videoId) {
        return target.dynamoDb().getItem(r -> r.tableName(target.outputs().videosTable()).consistentRead(true)
                .key(Map.of("videoId", AttributeValue.fromS(videoId)))).item();
    }

    static String status(Map<String, AttributeValue> item) {
        AttributeValue s = item.get("status");
        return s == null ? "" : s.s();
    }

    static JsonNode expect(int status, ClipflowApi.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r.body();
    }

    @AfterAll
    static void cleanUp() {
        if (target == null || channelId == null) {
            return;
        }
        StackOutputs out = target.outputs();
        for (String videoId : videos) {
            VideoLifecycleE2E.best("media of " + videoId, () -> VideoLifecycleE2E.deleteUnder(target,
                    out.mediaBucket(), "videos/" + videoId + "/"));
            VideoLifecycleE2E.best("upload of " + videoId, () -> VideoLifecycleE2E.deleteUnder(target,
                    out.uploadsBucket(), "uploads/" + channelId + "/" + videoId + "/"));
            VideoLifecycleE2E.best("record of " + videoId, () -> target.dynamoDb().deleteItem(r -> r
                    .tableName(out.videosTable()).key(Map.of("videoId", AttributeValue.fromS(videoId)))));
        }
        VideoLifecycleE2E.best("channel " + channelId, () -> target.dynamoDb().deleteItem(r -> r
                .tableName(out.channelsTable()).key(Map.of("pk", AttributeValue.fromS("CHANNEL#" + channelId)))));
    }
}
