package dev.clipflow.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoDeletionRecords;
import dev.clipflow.aws.dynamodb.DynamoStaleVideos;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.s3.S3MultipartUploads;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.aws.sfn.SfnExecutionStarter;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.deletion.DeletionRestarts;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.sweep.StaleVideo;
import dev.clipflow.catalog.sweep.StaleVideoStore;
import dev.clipflow.catalog.sweep.StaleVideoSweep;
import dev.clipflow.catalog.sweep.SweepReport;
import dev.clipflow.catalog.sweep.SweepWindows;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.VideoOutputs;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.FakeStepFunctions;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The sweeper against S3Proxy and Dynoxide (the videos table with its bySweepQueue index), directly and through
 * RequestIdFunctionInvoker (Spring Cloud Function) with the sample scheduled event.
 */
class SweeperIT {
    private static final SweepWindows WINDOWS = new SweepWindows(Duration.ofHours(25), Duration.ofHours(6),
            Duration.ofSeconds(3720));
    private static final String DELETION_MACHINE =
            "arn:aws:states:us-east-1:000000000000:stateMachine:clipflow-test-video-deletion";
    private static final String CHANNEL = "chan-sweep";

    private static AwsClients aws;
    private static S3Client s3;
    private static String uploadsBucket;
    private static String mediaBucket;
    private static FakeStepFunctions sfn;
    private static SfnClient sfnClient;
    private String videosTable;
    private VideoRepository videos;
    private StaleVideoStore stale;
    private S3MultipartUploads multipart;

    @BeforeAll
    static void buckets() {
        aws = new AwsClients(Emulators.shared().lookup());
        s3 = aws.s3();
        uploadsBucket = Emulators.uniqueName("uploads");
        mediaBucket = Emulators.uniqueName("media");
        s3.createBucket(b -> b.bucket(uploadsBucket));
        s3.createBucket(b -> b.bucket(mediaBucket));
    }

    @BeforeAll
    static void stepFunctions() throws Exception {
        sfn = new FakeStepFunctions();
        Map<String, String> config = Map.of("AWS_ENDPOINT_URL_SFN", sfn.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1");
        sfnClient = new AwsClients(config::get).sfn();
    }

    @AfterAll
    static void stopStepFunctions() {
        sfnClient.close();
        sfn.close();
    }

    @BeforeEach
    void tables() {
        videosTable = Emulators.uniqueName("videos");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(aws.dynamoDb(), TemplateTables.CHANNELS, Emulators.uniqueName("channels"));
        videos = new DynamoVideoRepository(aws.dynamoDb(), videosTable);
        stale = new DynamoStaleVideos(aws.dynamoDb(), videosTable);
        multipart = new S3MultipartUploads(s3, aws.s3Presigner(), uploadsBucket);
    }

    @Test
    void sweep_uploadOpenPastTheWindow_failsWithReasonAndAbortsTheMultipartUpload() {
        String expired = video(VideoStatus.AWAITING_UPLOAD, Duration.ofHours(26), true);
        String open = video(VideoStatus.AWAITING_UPLOAD, Duration.ofHours(24), true);
        String expiredUploadId = videos.get(expired).uploadId();

        SweepReport report = sweep(stale);

        assertThat(report.uploadsExpired()).isEqualTo(1);
        Video failed = videos.get(expired);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo(
                "The upload was not completed within 25 hours, so it was cancelled. Please upload the video again.");
        assertThat(failed.uploadId()).isNull();
        assertThat(openUploads()).doesNotContain(expiredUploadId).contains(videos.get(open).uploadId());
        assertThat(videos.get(open).status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
    }

    @Test
    void sweep_processingPastTheWindow_failsAndDeletesPartialOutputs() {
        String stuck = video(VideoStatus.PROCESSING, Duration.ofHours(7), false);
        String running = video(VideoStatus.PROCESSING, Duration.ofHours(5), false);
        String published = video(VideoStatus.PROCESSING, Duration.ofHours(30), false);
        videos.publish(published, List.of(new Rendition("360p", 640, 360, 900_000, "p.m3u8", 1)),
                new Video.PublishedAssets(MediaKeys.masterPlaylist(published), null, null, null));
        putOutputs(stuck, 3);
        s3.putObject(b -> b.bucket(mediaBucket).key(MediaKeys.chunkManifest(stuck, 2)), RequestBody.fromString("{}"));
        putOutputs(running, 2);
        putOutputs(published, 2);

        SweepReport report = sweep(stale);

        assertThat(report.processingExpired()).isEqualTo(1);
        assertThat(report.outputsDeleted()).isEqualTo(4);
        assertThat(videos.get(stuck).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(videos.get(stuck).failureReason())
                .isEqualTo("Processing did not finish within 6 hours and was stopped. Please upload the video again.");
        assertThat(keys(stuck)).isEmpty();
        assertThat(videos.get(running).status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(keys(running)).hasSize(2);
        assertThat(videos.get(published).status()).isEqualTo(VideoStatus.PUBLISHED);
        assertThat(keys(published)).hasSize(2);
    }

    @Test
    void sweep_videoMovesOnBetweenListingAndFailing_isNotFailed() {
        String completing = video(VideoStatus.AWAITING_UPLOAD, Duration.ofHours(30), true);
        String uploadId = videos.get(completing).uploadId();
        // The creator completes the upload after the sweeper listed the video (ingest has not run yet: the status
        // is still AWAITING_UPLOAD, only its last change is new).
        StaleVideoStore racing = new StaleVideoStore() {
            @Override
            public Stream<StaleVideo> stale(VideoStatus status, Instant changedBefore) {
                return stale.stale(status, changedBefore);
            }

            @Override
            public Optional<Video> failStale(String videoId, VideoStatus status, Instant before, String reason) {
                videos.clearUploadId(videoId);
                return stale.failStale(videoId, status, before, reason);
            }

            @Override
            public Stream<StaleVideo> stalledDeletions(Instant changedBefore) {
                return stale.stalledDeletions(changedBefore);
            }

            @Override
            public Stream<StaleVideo> notReleased() {
                return stale.notReleased();
            }

            @Override
            public void released(String videoId) {
                stale.released(videoId);
            }
        };

        SweepReport report = sweep(racing);

        assertThat(report.uploadsExpired()).isZero();
        assertThat(report.movedOn()).isEqualTo(1);
        assertThat(videos.get(completing).status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
        assertThat(videos.get(completing).failureReason()).isNull();
        assertThat(openUploads()).contains(uploadId);
    }

    @Test
    void sweep_moreCandidatesThanOnePage_failsThemAllOldestFirst() {
        int count = 2 * 100 + 5; // DynamoStaleVideos.PAGE_SIZE is 100
        for (int i = 0; i < count; i++) {
            video(VideoStatus.AWAITING_UPLOAD, Duration.ofHours(26).plusMinutes(i), false);
        }

        SweepReport report = sweep(stale);

        assertThat(report.uploadsExpired()).isEqualTo(count);
        assertThat(report.complete()).isTrue();
        try (Stream<StaleVideo> left = stale.stale(VideoStatus.AWAITING_UPLOAD, Instant.now())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void sweep_interruptedAfterFailing_nextSweepReleasesAndARepeatDoesNothing() {
        String stuck = video(VideoStatus.PROCESSING, Duration.ofHours(8), false);
        putOutputs(stuck, 2);
        // An earlier sweep failed the video and stopped before releasing it.
        assertThat(stale.failStale(stuck, VideoStatus.PROCESSING, Instant.now().minus(Duration.ofHours(6)),
                "earlier reason")).isPresent();

        SweepReport first = sweep(stale);
        SweepReport second = sweep(stale);

        assertThat(first.released()).isEqualTo(1);
        assertThat(first.outputsDeleted()).isEqualTo(2);
        assertThat(keys(stuck)).isEmpty();
        assertThat(videos.get(stuck).failureReason()).isEqualTo("earlier reason");
        assertThat(second).isEqualTo(new SweepReport(0, 0, 0, 0, 0, 0, true));
    }

    @Test
    void sweep_noTimeLeft_stopsBeforeTouchingAVideoAndSaysSo() {
        String expired = video(VideoStatus.AWAITING_UPLOAD, Duration.ofHours(26), false);

        SweepReport report = sweeper(stale, Duration.ZERO).sweep();

        assertThat(report.complete()).isFalse();
        assertThat(videos.get(expired).status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
    }

    @Test
    void stale_terminalStatus_isRefused() {
        assertThatThrownBy(() -> stale.stale(VideoStatus.PUBLISHED, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void functionInvoker_scheduledEvent_failsStaleVideos() throws Exception {
        String expired = video(VideoStatus.AWAITING_UPLOAD, Duration.ofHours(26), true);
        String stuck = video(VideoStatus.PROCESSING, Duration.ofHours(7), false);
        putOutputs(stuck, 1);
        String deleting = deleting(Duration.ofHours(2));
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", SweeperApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", videosTable);
        System.setProperty("UPLOADS_BUCKET", uploadsBucket);
        System.setProperty("MEDIA_BUCKET", mediaBucket);
        System.setProperty("UPLOAD_WINDOW_SECONDS", "90000");
        System.setProperty("PROCESSING_WINDOW_SECONDS", "21600");
        System.setProperty("DELETION_WINDOW_SECONDS", "3720");
        System.setProperty("DELETION_STATE_MACHINE_ARN", DELETION_MACHINE);
        System.setProperty("AWS_ENDPOINT_URL_SFN", sfn.endpoint().toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("sweeper").handleRequest(new ByteArrayInputStream(
                Events.text("sweeper-scheduled.json").getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(result).containsEntry("uploadsExpired", 1).containsEntry("processingExpired", 1)
                .containsEntry("deletionsRestarted", 1).containsEntry("complete", true);
        assertThat(videos.get(expired).failureReason()).startsWith("The upload was not completed within 25 hours");
        assertThat(videos.get(stuck).failureReason()).startsWith("Processing did not finish within 6 hours");
        assertThat(keys(stuck)).isEmpty();
        assertThat(sfn.executionArns()).contains(execution(deleting + "-2"));
    }

    @Test
    void sweep_deletionLeftPastItsWindow_isRestartedUnderItsNextAttempt_once_andARecentOneIsLeftAlone() {
        String stalled = deleting(Duration.ofMinutes(63));
        String recent = deleting(Duration.ofMinutes(60));
        String published = video(VideoStatus.PUBLISHED, Duration.ofHours(30), false);

        SweepReport first = sweep(stale);
        SweepReport second = sweep(stale);

        assertThat(first.deletionsRestarted()).isEqualTo(1);
        assertThat(sfn.executionArns()).contains(execution(stalled + "-2"))
                .noneMatch(arn -> arn.contains(recent) || arn.contains(published));
        DynamoDeletionRecords records = new DynamoDeletionRecords(aws.dynamoDb(), videosTable, Clock.systemUTC());
        assertThat(records.current(stalled)).hasValue(2);
        assertThat(records.current(recent)).hasValue(1);
        assertThat(videos.get(stalled).status()).isEqualTo(VideoStatus.DELETING);
        assertThat(second.deletionsRestarted()).as("the restart restarted its window").isZero();
        assertThat(sfn.executionArns().stream().filter(arn -> arn.contains(stalled))).hasSize(1);
    }

    @Test
    void sweep_aDeletionThatFinished_isNotListedAnyMore() {
        String finished = deleting(Duration.ofHours(3));
        new DynamoDeletionRecords(aws.dynamoDb(), videosTable, Clock.systemUTC()).tombstone(finished,
                Instant.now().plus(Duration.ofDays(90)));

        assertThat(sweep(stale).deletionsRestarted()).isZero();
        try (Stream<StaleVideo> listed = stale.stalledDeletions(Instant.now())) {
            assertThat(listed).isEmpty();
        }
    }

    /** A published video whose owner asked to delete it {@code age} ago (its workflow's first attempt). */
    private String deleting(Duration age) {
        String videoId = video(VideoStatus.PUBLISHED, Duration.ofDays(2), false);
        new DynamoDeletionRecords(aws.dynamoDb(), videosTable, Clock.fixed(Instant.now().minus(age),
                ZoneOffset.UTC)).markDeleting(videoId);
        return videoId;
    }

    private static String execution(String name) {
        return DELETION_MACHINE.replace(":stateMachine:", ":execution:") + ":" + name;
    }

    private SweepReport sweep(StaleVideoStore store) {
        return sweeper(store, StaleVideoSweep.DEFAULT_BUDGET).sweep();
    }

    private StaleVideoSweep sweeper(StaleVideoStore store, Duration budget) {
        return new StaleVideoSweep(videos, store, multipart, new VideoOutputs(new S3ObjectStore(s3), mediaBucket),
                WINDOWS, Clock.systemUTC(), budget, VideoEvents.NONE, new DeletionRestarts(
                new DynamoDeletionRecords(aws.dynamoDb(), videosTable, Clock.systemUTC()),
                new SfnExecutionStarter(sfnClient, DELETION_MACHINE)));
    }

    /** A video last changed {@code age} ago; with {@code upload}, its multipart upload is open in S3Proxy. */
    private String video(VideoStatus status, Duration age, boolean upload) {
        String videoId = Emulators.uniqueName("vid");
        String key = MediaKeys.upload(CHANNEL, videoId, "a.mp4").key();
        String uploadId = upload ? multipart.start(key, "video/mp4") : null;
        Instant changed = Instant.now().minus(age);
        videos.create(new Video(videoId, CHANNEL, "owner-1", "t", "", List.of(), 10, "video/mp4", key, uploadId,
                status, null, null, null, null, null, changed, changed));
        return videoId;
    }

    private List<String> openUploads() {
        return s3.listMultipartUploads(b -> b.bucket(uploadsBucket)).uploads().stream().map(u -> u.uploadId())
                .toList();
    }

    private static void putOutputs(String videoId, int count) {
        for (int i = 0; i < count; i++) {
            String key = MediaKeys.hlsPrefix(videoId) + "360p/segment" + i + ".ts";
            s3.putObject(b -> b.bucket(mediaBucket).key(key), RequestBody.fromString("segment"));
        }
    }

    private static List<String> keys(String videoId) {
        return s3.listObjectsV2(b -> b.bucket(mediaBucket).prefix(MediaKeys.outputPrefix(videoId))).contents()
                .stream().map(o -> o.key()).toList();
    }
}
