package dev.clipflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoVideoEdits;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.edit.VideoChanges;
import dev.clipflow.catalog.upload.IngestOutcome;
import dev.clipflow.catalog.upload.IngestResult;
import dev.clipflow.catalog.upload.UploadIngest;
import dev.clipflow.catalog.upload.VideoMetadata;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.template.TemplateTables;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Ingest against S3Proxy and Dynoxide with the real adapters; Step Functions is the in-memory fake. */
class IngestIT {
    private static S3Client s3;
    private static ObjectStore objects;
    private static VideoRepository videos;
    private static DynamoChannelRepository channels;
    private static DynamoVideoEdits edits;
    private static String bucket;

    private InMemoryExecutionStarter executions;
    private Ingest ingest;
    private String channelId;

    @BeforeAll
    static void emulators() {
        AwsClients aws = new AwsClients(Emulators.shared().lookup());
        s3 = aws.s3();
        objects = new S3ObjectStore(s3);
        bucket = Emulators.uniqueName("uploads");
        s3.createBucket(b -> b.bucket(bucket));
        String videosTable = Emulators.uniqueName("videos");
        String channelsTable = Emulators.uniqueName("channels");
        var dynamo = aws.dynamoDb();
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(dynamo, TemplateTables.CHANNELS, channelsTable);
        videos = new DynamoVideoRepository(dynamo, videosTable);
        channels = new DynamoChannelRepository(dynamo, channelsTable);
        edits = new DynamoVideoEdits(dynamo, videosTable);
    }

    @BeforeEach
    void freshChannel() {
        executions = new InMemoryExecutionStarter();
        ingest = new Ingest(new UploadIngest(videos, channels, objects, executions, bucket, Events::write));
        channelId = Emulators.uniqueName("chan");
        channels.create(new Channel(channelId, "owner-1", "My channel",
                new ChannelLimits(10_000, Set.of("video/mp4"), 50)));
    }

    @Test
    void apply_sameEventThreeTimes_startsExactlyOneExecution() {
        String key = upload(video("clip.mp4", 100), 100);
        Map<String, Object> event = eventBridge(key, 100, "617f08299329d189");

        List<IngestOutcome> first = ingest.apply(event);
        List<IngestOutcome> second = ingest.apply(event);
        List<IngestOutcome> third = ingest.apply(event);

        assertThat(executions.executions()).hasSize(1);
        assertThat(first).singleElement().extracting(IngestOutcome::result).isEqualTo(IngestResult.STARTED);
        assertThat(List.of(second.getFirst(), third.getFirst()))
                .allSatisfy(o -> assertThat(o.executionId()).isEqualTo(first.getFirst().executionId()));
        String videoId = first.getFirst().videoId();
        assertThat(videos.get(videoId).status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(executions.executions().keySet().iterator().next())
                .startsWith(videoId + "-").hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void apply_uploadThatReservedLessThanTheChannelsLongest_capsTheProbesMaximumLength() {
        Video declared = video("declared.mp4", 100);
        Video reserving = new Video(declared.videoId() + "-r", channelId, "owner-1", "A title", "", List.of(), 100,
                "video/mp4", MediaKeys.upload(channelId, declared.videoId() + "-r", "r.mp4").key(), "upload-id",
                VideoStatus.AWAITING_UPLOAD, null, null, null, null, null, Instant.now(), Instant.now(), Map.of(),
                61.0);
        videos.create(reserving);

        ingest.apply(eventBridge(upload(reserving, 100), 100, "0055AED6DCD90281E6"));
        ingest.apply(eventBridge(upload(declared, 100), 100, "0055AED6DCD90281E7"));

        assertThat(executions.executions()).hasSize(2);
        assertThat(executions.executions().entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).startsWith(reserving.videoId() + "-");
            assertThat(e.getValue()).contains("\"maxDurationSeconds\":61.0");
        });
        assertThat(executions.executions().entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).startsWith(declared.videoId() + "-");
            assertThat(e.getValue()).contains("\"maxDurationSeconds\":14400.0");
        });
    }

    @Test
    void apply_visibilityEditedAfterIngestReadTheRecord_startsWithTheVisibilityTheStatusChangeStored() {
        Video video = video("clip.mp4", 100);
        String key = upload(video, 100);
        // The owner's PATCH lands between ingest's read of the record and its AWAITING_UPLOAD -> PROCESSING write.
        VideoRepository racing = (VideoRepository) Proxy.newProxyInstance(VideoRepository.class.getClassLoader(),
                new Class<?>[] {VideoRepository.class}, (proxy, method, args) -> {
                    Object out;
                    try {
                        out = method.invoke(videos, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("find")) {
                        edits.edit(video.videoId(), "owner-1", new VideoMetadata("A title", "", List.of()),
                                Visibility.PRIVATE, EnumSet.of(VideoChanges.Field.VISIBILITY), null, Instant.now());
                    }
                    return out;
                });
        Ingest racingIngest = new Ingest(new UploadIngest(racing, channels, objects, executions, bucket,
                Events::write));

        racingIngest.apply(eventBridge(key, 100, "0055AED6DCD90281F1"));

        assertThat(videos.get(video.videoId()).visibility()).isEqualTo(Visibility.PRIVATE);
        Map<String, Object> input = Events.read(null, executions.executions().values().iterator().next());
        assertThat(input).containsEntry("visibility", "PRIVATE");
    }

    @Test
    void apply_sameObjectAsNotificationAndEventBridge_startsOneExecution() {
        String key = upload(video("clip.mp4", 100), 100);

        ingest.apply(notification(key, 100, "0055AED6DCD90281E5"));
        ingest.apply(eventBridge(key, 100, "0055AED6DCD90281E5"));

        assertThat(executions.executions()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my holiday video.mp4", "a+b = c+d.mp4", "vidéo d'été 日本語.mov",
        "100% real (1).mp4"})
    void apply_keyWithSpacesPlusOrNonAscii_startsWithDecodedKey(String fileName) {
        String key = upload(video(fileName, 42), 42);

        List<IngestOutcome> outcome = ingest.apply(notification(key, 42, "00AB"));

        assertThat(outcome).singleElement().extracting(IngestOutcome::result).isEqualTo(IngestResult.STARTED);
        var started = executions.executions().entrySet().iterator().next();
        Map<String, Object> input = Events.read(null, started.getValue());
        assertThat(input).containsEntry("schemaVersion", 1).containsEntry("channelId", channelId)
                .as("the execution name travels in the input, for every function's log lines")
                .containsEntry("executionName", started.getKey());
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) input.get("source");
        assertThat(source).containsEntry("key", key).containsEntry("bucket", bucket).containsEntry("size", 42);
    }

    @Test
    void apply_channelWithItsOwnLimits_carriesDurationAndCostCeilingToTheProbe() {
        channelId = Emulators.uniqueName("chan");
        channels.create(new Channel(channelId, "owner-1", "Frugal channel",
                new ChannelLimits(10_000, Set.of("video/mp4"), 50, 600, new java.math.BigDecimal("0.25"))));
        String key = upload(video("clip.mp4", 100), 100);

        ingest.apply(eventBridge(key, 100, "0C"));

        Map<String, Object> input = Events.read(null, executions.executions().values().iterator().next());
        assertThat(input).containsEntry("maxDurationSeconds", 600.0);
        assertThat(new java.math.BigDecimal(String.valueOf(input.get("maxCostUsd")))).isEqualByComparingTo("0.25");
    }

    @Test
    void apply_objectLargerThanDeclared_deletesObjectAndFailsVideo() {
        Video video = video("too big.mp4", 100);
        String key = upload(video, 150);

        List<IngestOutcome> outcome = ingest.apply(eventBridge(key, 150, "01"));

        assertThat(outcome).singleElement().extracting(IngestOutcome::result).isEqualTo(IngestResult.LIMIT_VIOLATION);
        assertThat(objects.head(bucket, key)).isEmpty();
        Video failed = videos.get(video.videoId());
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo(
                "The uploaded file is 150 bytes, but 100 bytes were declared when the upload was created.");
        assertThat(executions.executions()).isEmpty();
    }

    @Test
    void apply_objectOverChannelLimit_deletesObjectAndFailsVideo() {
        Video video = video("huge.mp4", 20_000);
        String key = upload(video, 20_000);

        ingest.apply(eventBridge(key, 20_000, "02"));

        assertThat(objects.head(bucket, key)).isEmpty();
        assertThat(videos.get(video.videoId()).failureReason()).contains("larger than this channel's limit");
        assertThat(executions.executions()).isEmpty();
    }

    @Test
    void apply_keyOutsideLayout_rejectsWithoutExecutionOrDelete() {
        String key = "uploads/" + channelId + "/not-a-video.mp4";
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(new byte[10]));

        List<IngestOutcome> outcome = ingest.apply(eventBridge(key, 10, "03"));

        assertThat(outcome).singleElement().extracting(IngestOutcome::result).isEqualTo(IngestResult.REJECTED_KEY);
        assertThat(objects.head(bucket, key)).isPresent();
        assertThat(executions.executions()).isEmpty();
    }

    @Test
    void apply_unknownVideo_deletesOrphanObject() {
        String key = MediaKeys.upload(channelId, Emulators.uniqueName("ghost"), "x.mp4").key();
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(new byte[10]));

        List<IngestOutcome> outcome = ingest.apply(eventBridge(key, 10, "04"));

        assertThat(outcome).singleElement().extracting(IngestOutcome::result).isEqualTo(IngestResult.ORPHAN_DELETED);
        assertThat(objects.head(bucket, key)).isEmpty();
        assertThat(executions.executions()).isEmpty();
    }

    @Test
    void apply_malformedEvent_throwsNamedExceptionAndStartsNothing() {
        assertThatThrownBy(() -> ingest.apply(Events.read("ingest-malformed.json")))
                .isInstanceOf(IngestEventMalformedException.class);
        assertThat(executions.executions()).isEmpty();
    }

    private Video video(String fileName, long declaredBytes) {
        String videoId = Emulators.uniqueName("vid");
        String key = MediaKeys.upload(channelId, videoId, fileName).key();
        Instant now = Instant.now();
        Video video = new Video(videoId, channelId, "owner-1", "A title", "", List.of(), declaredBytes, "video/mp4",
                key, "upload-id", VideoStatus.AWAITING_UPLOAD, null, null, null, null, null, now, now);
        videos.create(video);
        return video;
    }

    private String upload(Video video, int bytes) {
        s3.putObject(b -> b.bucket(bucket).key(video.uploadKey()).contentType("video/mp4"),
                RequestBody.fromBytes(new byte[bytes]));
        return video.uploadKey();
    }

    private Map<String, Object> eventBridge(String key, long size, String sequencer) {
        Map<String, Object> event = Events.read("ingest-eventbridge.json");
        Map<String, Object> detail = child(event, "detail");
        child(detail, "bucket").put("name", bucket);
        Map<String, Object> object = child(detail, "object");
        object.put("key", encode(key));
        object.put("size", size);
        object.put("sequencer", sequencer);
        return event;
    }

    private Map<String, Object> notification(String key, long size, String sequencer) {
        Map<String, Object> event = Events.read("ingest-s3-notification.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) ((List<Object>) event.get("Records")).getFirst();
        Map<String, Object> s3Entity = child(record, "s3");
        child(s3Entity, "bucket").put("name", bucket);
        Map<String, Object> object = child(s3Entity, "object");
        object.put("key", encode(key));
        object.put("size", size);
        object.put("sequencer", sequencer);
        return event;
    }

    /** As S3 encodes keys in events: form encoding (space as +), slashes kept. */
    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) parent.get(name));
        parent.put(name, copy);
        return copy;
    }
}
