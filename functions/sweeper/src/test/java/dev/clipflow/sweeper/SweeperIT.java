package dev.clipflow.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoStaleVideos;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.s3.S3MultipartUploads;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
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
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sweeper against S3Proxy and Dynoxide (the videos table with its bySweepQueue index), directly and through
 * RequestIdFunctionInvoker (Spring Cloud Function) with the sample scheduled event.
 */
class SweeperIT {
    private static final SweepWindows WINDOWS = new SweepWindows(Duration.ofHours(25), Duration.ofHours(6));
    private static final String CHANNEL = "chan-sweep";

    private static AwsClients aws;
    private static S3Client s3;
    private static String uploadsBucket;
    private static String mediaBucket;
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
        assertThat(second).isEqualTo(new SweepReport(0, 0, 0, 0, 0, true));
    }

    @Test
    void sweep_noTimeLeft_stopsBeforeTouchingAVideoAndSaysSo() {
        String expired = video(VideoStatus.AWAITING_UPLOAD, Duration.ofHours(26), false);

        SweepReport report = new StaleVideoSweep(videos, stale, multipart,
                new VideoOutputs(new S3ObjectStore(s3), mediaBucket), WINDOWS, Clock.systemUTC(), Duration.ZERO)
                .sweep();

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
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", SweeperApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", videosTable);
        System.setProperty("UPLOADS_BUCKET", uploadsBucket);
        System.setProperty("MEDIA_BUCKET", mediaBucket);
        System.setProperty("UPLOAD_WINDOW_SECONDS", "90000");
        System.setProperty("PROCESSING_WINDOW_SECONDS", "21600");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("sweeper").handleRequest(new ByteArrayInputStream(
                Events.text("sweeper-scheduled.json").getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(result).containsEntry("uploadsExpired", 1).containsEntry("processingExpired", 1)
                .containsEntry("complete", true);
        assertThat(videos.get(expired).failureReason()).startsWith("The upload was not completed within 25 hours");
        assertThat(videos.get(stuck).failureReason()).startsWith("Processing did not finish within 6 hours");
        assertThat(keys(stuck)).isEmpty();
    }

    private SweepReport sweep(StaleVideoStore store) {
        return new StaleVideoSweep(videos, store, multipart, new VideoOutputs(new S3ObjectStore(s3), mediaBucket),
                WINDOWS, Clock.systemUTC(), StaleVideoSweep.DEFAULT_BUDGET).sweep();
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
