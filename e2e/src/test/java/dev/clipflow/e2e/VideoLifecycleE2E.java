package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.testing.media.TestVideos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The end-to-end suite, the same on every target ({@code -De2e.target=local|localstack|aws}): a creator
 * uploads through the HTTP API and presigned multipart URLs, the pipeline publishes (or fails) the video, a
 * subscriber finds it in the feed. Cleans up what it created.
 */
@ExtendWith(DeployedClipflowExtension.class)
class VideoLifecycleE2E {

    static DeployedClipflow target;
    static ClipflowApi api;
    static TestUser creator;
    static TestUser subscriber;
    static String channelId;
    static final Set<String> videos = ConcurrentHashMap.newKeySet();

    /** Why this target cannot run the class (it has no HTTP API); null when it can. */
    static String notHere;

    @BeforeAll
    static void setUp(DeployedClipflow deployed) {
        // The whole class goes through the HTTP API: on a target without one each test is skipped with the reason.
        notHere = deployed.withoutHttpApi().orElse(null);
        if (notHere != null) {
            return;
        }
        target = deployed;
        api = new ClipflowApi(deployed.apiUrl());
        creator = deployed.users().create("creator");
        subscriber = deployed.users().create("subscriber");
        ObjectNode channel = ClipflowApi.object().put("name", "E2E channel");
        channelId = expect(201, api.call(creator, "POST", "/channels", channel)).path("channelId").asText();
        ClipflowApi.Response sub = api.call(subscriber, "POST", "/channels/" + channelId + "/subscription", null);
        assertThat(sub.status()).as("subscribe: %s", sub).isIn(200, 201);
    }

    @BeforeEach
    void onlyWithAnHttpApi() {
        assumeTrue(notHere == null, () -> notHere);
    }

    @Test
    void upload_generatedVideo_publishedWithMediaInBucketInSubscribersFeedAndRelated() {
        String videoId = uploadAndComplete(TestVideos.shared().landscape(), "E2E landscape");

        JsonNode video = awaitTerminal(videoId);

        assertThat(video.path("status").asText()).as("video %s: %s", videoId, video).isEqualTo("PUBLISHED");
        assertThat(video.path("renditions").size()).isPositive();
        assertThat(video.path("playback").path("hlsUrl").asText()).endsWith("videos/" + videoId + "/hls/master.m3u8");
        String prefix = "videos/" + videoId + "/";
        List<String> keys = mediaKeys(videoId);
        assertThat(keys).contains(prefix + "hls/master.m3u8", prefix + "poster.jpg");
        video.path("renditions").forEach(r -> assertThat(keys)
                .anyMatch(k -> k.startsWith(prefix + "hls/" + r.path("name").asText() + "/")));
        if (target.servesPlayback()) {
            // As a player: the master playlist from the playback URL, no credentials.
            ClipflowApi.Response master = api.fetch(java.net.URI.create(video.path("playback").path("hlsUrl")
                    .asText()));
            assertThat(master.status()).as("GET %s: %s", video.path("playback").path("hlsUrl"), master)
                    .isEqualTo(200);
            assertThat(master.raw()).contains("#EXTM3U", "#EXT-X-STREAM-INF");
        }

        assertThat(awaitInFeed(videoId)).as("video %s in the subscriber's feed", videoId).isTrue();

        ClipflowApi.Response related = api.call(subscriber, "GET", "/videos/" + videoId + "/related", null);
        assertThat(related.status()).as("related: %s", related).isEqualTo(200);
        assertThat(related.body().path("videoId").asText()).isEqualTo(videoId);
        assertThat(related.body().path("items").isArray()).isTrue();
    }

    /** 25 minutes, over the old 20-minute limit: low resolution and frame rate, so a 2-core machine encodes it fast. */
    static final TestVideos.Synthetic LECTURE = new TestVideos.Synthetic("e2e-lecture-25min.mp4", "256x144", "15",
            1500, 1500, 60, false);

    @Test
    void upload_25MinuteVideo_chunkedInParallelStitchedAndPublished() {
        String videoId = uploadAndComplete(TestVideos.shared().synthetic(LECTURE), "E2E lecture");

        JsonNode video = awaitTerminal(videoId, target.processingTimeout().multipliedBy(5));

        assertThat(video.path("status").asText()).as("video %s: %s", videoId, video).isEqualTo("PUBLISHED");
        String execution = executionOf(videoId);
        var mapRuns = target.sfn().listMapRuns(r -> r.executionArn(execution)).mapRuns();
        assertThat(mapRuns).as("the chunk Map of %s", execution).hasSize(1);
        var chunks = target.sfn().listExecutions(r -> r.mapRunArn(mapRuns.getFirst().mapRunArn())).executions();
        assertThat(chunks.size()).as("chunks in the execution").isGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.statusAsString()).isEqualTo("SUCCEEDED"));
        String prefix = "videos/" + videoId + "/";
        List<String> keys = mediaKeys(videoId);
        assertThat(keys).contains(prefix + "hls/master.m3u8", prefix + "poster.jpg", prefix + "thumbnails/sprite.jpg")
                .noneMatch(k -> k.startsWith(prefix + "chunks/"));
        String playlist = firstPlaylist(videoId, video);
        assertThat(length(playlist)).as("the playlist's length").isBetween(1499.0, 1501.0);
        assertThat(playlist).doesNotContain("DISCONTINUITY");
    }

    /** The pipeline execution of a video: its name starts with the video id (ingest's deterministic names). */
    static String executionOf(String videoId) {
        return target.sfn().listExecutionsPaginator(r -> r.stateMachineArn(target.outputs().stateMachineArn()))
                .executions().stream().filter(e -> e.name().startsWith(videoId + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("no execution for " + videoId)).executionArn();
    }

    /**
     * What browsers upload: a MediaRecorder WebM (no duration anywhere in the file), and one whose microphone ran
     * on after the camera stopped. Both publish, with the length measured by the probe: the picture's.
     */
    @Test
    void upload_browserRecordings_publishedWithTheirMeasuredLength() {
        String recording = uploadAndComplete(TestVideos.shared().browserRecording("vp9"), "E2E browser recording");
        String cameraOff = uploadAndComplete(TestVideos.shared().audioLongerThanVideo("webm"), "E2E camera off");

        JsonNode video = awaitTerminal(recording);
        JsonNode cut = awaitTerminal(cameraOff);

        assertThat(video.path("status").asText()).as("video %s: %s", recording, video).isEqualTo("PUBLISHED");
        assertThat(video.path("media").path("durationSeconds").asDouble()).isCloseTo(3.0, within(0.1));
        assertThat(length(firstPlaylist(recording, video))).isCloseTo(3.0, within(0.3));
        assertThat(cut.path("status").asText()).as("video %s: %s", cameraOff, cut).isEqualTo("PUBLISHED");
        assertThat(cut.path("media").path("durationSeconds").asDouble()).isCloseTo(2.0, within(0.1));
        assertThat(length(firstPlaylist(cameraOff, cut))).isCloseTo(2.0, within(0.3));
    }

    /** The published video's first rendition's media playlist. */
    static String firstPlaylist(String videoId, JsonNode video) {
        String rendition = video.path("renditions").get(0).path("name").asText();
        return target.s3().getObjectAsBytes(r -> r.bucket(target.outputs().mediaBucket())
                .key("videos/" + videoId + "/hls/" + rendition + "/index.m3u8")).asUtf8String();
    }

    /** A media playlist's length: the sum of its segment durations. */
    static double length(String playlist) {
        return playlist.lines().filter(l -> l.startsWith("#EXTINF:"))
                .mapToDouble(l -> Double.parseDouble(l.substring(8, l.indexOf(',')))).sum();
    }

    @Test
    void upload_corruptVideo_failedWithReasonAndNothingUnderVideosPrefix() {
        String videoId = uploadAndComplete(TestVideos.shared().corrupt(), "E2E corrupt");

        JsonNode video = awaitTerminal(videoId);

        assertThat(video.path("status").asText()).as("video %s: %s", videoId, video).isEqualTo("FAILED");
        assertThat(video.path("failureReason").asText()).isNotBlank();
        assertThat(mediaKeys(videoId)).isEmpty();
    }

    static String uploadAndComplete(Path file, String title) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode create = ClipflowApi.object().put("channelId", channelId).put("title", title)
                .put("sizeBytes", size)
                .put("contentType", file.toString().endsWith(".webm") ? "video/webm" : "video/mp4")
                .put("fileName", file.getFileName().toString());
        create.putArray("tags").add("e2e").add("test-pattern");
        JsonNode created = expect(201, api.call(creator, "POST", "/videos", create));
        String videoId = created.path("videoId").asText();
        videos.add(videoId);
        ObjectNode complete = new PresignedUpload(target, api).upload(creator, created, file);
        expect(200, api.call(creator, "POST", "/videos/" + videoId + "/upload/complete", complete));
        return videoId;
    }

    /** Polls GET /videos/{id} as the owner until PUBLISHED or FAILED, within the target's processing timeout. */
    static JsonNode awaitTerminal(String videoId) {
        return awaitTerminal(videoId, target.processingTimeout());
    }

    static JsonNode awaitTerminal(String videoId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode video = expect(200, api.call(creator, "GET", "/videos/" + videoId, null));
        while (!Set.of("PUBLISHED", "FAILED").contains(video.path("status").asText()) && System.nanoTime() < end) {
            sleep(Duration.ofMillis(500));
            video = expect(200, api.call(creator, "GET", "/videos/" + videoId, null));
        }
        return video;
    }

    /** The feed is filled after the publish (fan-out through a queue): polls for a minute. */
    static boolean awaitInFeed(String videoId) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            JsonNode feed = expect(200, api.call(subscriber, "GET", "/me/feed?limit=50", null));
            for (JsonNode item : feed.path("items")) {
                if (item.path("videoId").asText().equals(videoId)) {
                    assertThat(item.path("channelId").asText()).isEqualTo(channelId);
                    return true;
                }
            }
            sleep(Duration.ofMillis(500));
        } while (System.nanoTime() < end);
        return false;
    }

    static List<String> mediaKeys(String videoId) {
        return keysUnder(target, target.outputs().mediaBucket(), "videos/" + videoId + "/");
    }

    static List<String> keysUnder(DeployedClipflow on, String bucket, String prefix) {
        return on.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    static JsonNode expect(int status, ClipflowApi.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r.body();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes what the suite created: the subscription (and with it the channel's entries in the subscriber's
     * feed), every object under videos/{id}/ and uploads/{channelId}/{id}/, the videos' and the channel's catalog
     * items; the users go when the target closes. Best effort: a failure is printed, the next item is tried.
     */
    @AfterAll
    static void cleanUp() {
        if (target == null || channelId == null) {
            return;
        }
        StackOutputs out = target.outputs();
        best("unsubscribe", () -> api.call(subscriber, "DELETE", "/channels/" + channelId + "/subscription", null));
        for (String videoId : videos) {
            best("media of " + videoId, () -> deletePrefix(out.mediaBucket(), "videos/" + videoId + "/"));
            best("upload of " + videoId, () -> deletePrefix(out.uploadsBucket(),
                    "uploads/" + channelId + "/" + videoId + "/"));
            best("record of " + videoId, () -> target.dynamoDb().deleteItem(r -> r.tableName(out.videosTable())
                    .key(Map.of("videoId", AttributeValue.fromS(videoId)))));
        }
        // The channel item's key as the catalog writes it (docs/adr/0003-catalog-data-model.md).
        best("channel " + channelId, () -> target.dynamoDb().deleteItem(r -> r.tableName(out.channelsTable())
                .key(Map.of("pk", AttributeValue.fromS("CHANNEL#" + channelId)))));
        assertThat(leftovers()).as("what the suite created and could not delete").isEmpty();
    }

    /** Objects and catalog items of this run that are still there after the clean-up. */
    static List<String> leftovers() {
        StackOutputs out = target.outputs();
        List<String> left = new ArrayList<>();
        for (String videoId : videos) {
            left.addAll(mediaKeys(videoId));
            target.s3().listObjectsV2Paginator(r -> r.bucket(out.uploadsBucket())
                    .prefix("uploads/" + channelId + "/" + videoId + "/")).contents().forEach(o -> left.add(o.key()));
            if (target.dynamoDb().getItem(r -> r.tableName(out.videosTable()).consistentRead(true)
                    .key(Map.of("videoId", AttributeValue.fromS(videoId)))).hasItem()) {
                left.add(out.videosTable() + "/" + videoId);
            }
        }
        return left;
    }

    static void deletePrefix(String bucket, String prefix) {
        deleteUnder(target, bucket, prefix);
    }

    static void deleteUnder(DeployedClipflow on, String bucket, String prefix) {
        on.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()
                .forEach(o -> on.s3().deleteObject(r -> r.bucket(bucket).key(o.key())));
    }

    static void best(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.err.println("[e2e] cleanup of " + what + " failed: " + RealTargetProbes.firstLine(e));
        }
    }
}
