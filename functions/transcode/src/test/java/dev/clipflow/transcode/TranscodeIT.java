package dev.clipflow.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.s3.OutputUploadTimeoutException;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.ffmpeg.FfmpegBinaries;
import dev.clipflow.ffmpeg.FfmpegTranscoder;
import dev.clipflow.ffmpeg.ScratchDirectory;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.pipeline.TranscodeResult;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.media.TestVideos;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.json.JsonMapper;

/** The transcode stage against S3Proxy with real ffmpeg. */
class TranscodeIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static S3Client s3;
    private static String uploads;
    private static String media;

    @TempDir
    Path work;

    @BeforeAll
    static void emulators() {
        s3 = new AwsClients(Emulators.shared().lookup()).s3();
        uploads = Emulators.uniqueName("uploads");
        media = Emulators.uniqueName("media");
        s3.createBucket(b -> b.bucket(uploads));
        s3.createBucket(b -> b.bucket(media));
    }

    private static String event(String videoId, Path sourceFile) {
        String json = Events.text("transcode.json").replace("vid-example", videoId)
                .replace("clipflow-uploads-example", uploads);
        TranscodeInput input = JSON.readValue(json, TranscodeInput.class);
        s3.putObject(b -> b.bucket(uploads).key(input.source().key()), RequestBody.fromFile(sourceFile));
        return json;
    }

    private Transcode transcode() {
        return new Transcode(new S3ObjectStore(s3), new FfmpegTranscoder(FfmpegBinaries.fromEnvironment(), "ultrafast"),
                media, work.toString(), 3008, Duration.ofMinutes(2));
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(media).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    @Test
    void apply_landscapeSource_storesTheLadderUnderTheVideoPrefix() {
        String videoId = Emulators.uniqueName("vid");
        TranscodeInput input = JSON.readValue(event(videoId, TestVideos.shared().landscape()), TranscodeInput.class);

        TranscodeResult result = transcode().apply(input);

        String prefix = MediaKeys.outputPrefix(videoId);
        assertThat(result.masterPlaylistKey()).isEqualTo(MediaKeys.masterPlaylist(videoId));
        assertThat(result.posterKey()).isEqualTo(MediaKeys.poster(videoId));
        assertThat(result.spriteKey()).isEqualTo(MediaKeys.sprite(videoId));
        assertThat(result.spriteIndexKey()).isEqualTo(MediaKeys.spriteIndex(videoId));
        assertThat(result.renditions()).extracting(r -> r.name() + "=" + r.width() + "x" + r.height())
                .containsExactly("240p=426x240", "360p=640x360");
        assertThat(result.renditions()).allSatisfy(r -> {
            assertThat(r.playlistKey()).startsWith(prefix + "hls/" + r.name() + "/");
            assertThat(r.bandwidth()).isPositive();
        });
        List<String> keys = keys(prefix);
        assertThat(keys).contains(result.masterPlaylistKey(), result.posterKey(), result.spriteKey(),
                result.spriteIndexKey(), prefix + "hls/240p/index.m3u8", prefix + "hls/360p/seg_00000.ts");
        assertThat(keys).allSatisfy(k -> assertThat(k).startsWith(prefix));
        long stored = keys.stream().mapToLong(k -> s3.headObject(b -> b.bucket(media).key(k)).contentLength()).sum();
        assertThat(result.bytesStored()).isEqualTo(stored);
        assertThat(result.usage().stage()).isEqualTo("transcode");
        assertThat(result.usage().bytesStored()).isEqualTo(stored);
        assertThat(result.usage().memoryMb()).isEqualTo(3008);
        assertThat(s3.headObject(b -> b.bucket(media).key(result.masterPlaylistKey())).contentType())
                .isEqualTo("application/vnd.apple.mpegurl");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void apply_privateOrUnlistedVideo_storesEverythingUnderRestricted_nothingUnderVideos() {
        String videoId = Emulators.uniqueName("vid");
        String json = event(videoId, TestVideos.shared().landscape())
                .replaceFirst("\\{", "{\"visibility\":\"UNLISTED\",");
        TranscodeInput input = JSON.readValue(json, TranscodeInput.class);

        TranscodeResult result = transcode().apply(input);

        String restricted = MediaKeys.outputPrefix(videoId, true);
        assertThat(result.masterPlaylistKey()).isEqualTo(MediaKeys.masterPlaylist(videoId, true));
        assertThat(result.posterKey()).isEqualTo(restricted + "poster.jpg");
        assertThat(result.renditions()).allSatisfy(r -> assertThat(r.playlistKey()).startsWith(restricted + "hls/"));
        assertThat(keys(restricted)).contains(result.masterPlaylistKey(), result.spriteKey(),
                restricted + "hls/240p/index.m3u8");
        assertThat(keys(MediaKeys.outputPrefix(videoId))).isEmpty();
    }

    @Test
    void apply_corruptSource_isRejectedAndStoresNothing() {
        String videoId = Emulators.uniqueName("vid");
        TranscodeInput input = JSON.readValue(event(videoId, TestVideos.shared().corrupt()), TranscodeInput.class);

        assertThatThrownBy(() -> transcode().apply(input)).isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("CORRUPT");
        assertThat(keys(MediaKeys.outputPrefix(videoId))).isEmpty();
        assertThat(work).isEmptyDirectory();
    }

    /** What a killed invocation leaves in a reused sandbox's /tmp: its folder, its unlocked lock file, its files. */
    private Path staleScratch(String name, long sourceBytes) throws java.io.IOException {
        Path stale = Files.createDirectories(work.resolve(ScratchDirectory.PREFIX + name));
        Files.createFile(stale.resolve(ScratchDirectory.LOCK_FILE));
        try (var out = new java.io.RandomAccessFile(stale.resolve("source").toFile(), "rw")) {
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < sourceBytes; written += block.length) {
                out.write(block);
            }
        }
        Path segments = Files.createDirectories(stale.resolve("out/hls/720p"));
        Files.write(segments.resolve("seg_00000.ts"), new byte[188 * 1000]);
        return stale;
    }

    @Test
    void apply_staleScratchOfAKilledInvocation_isRemovedAndTheVideoPublishes() throws Exception {
        Path stale = staleScratch("vid-killed-123", 256L << 20);
        String videoId = Emulators.uniqueName("vid");
        TranscodeInput input = JSON.readValue(event(videoId, TestVideos.shared().landscape()), TranscodeInput.class);

        try (ScratchDirectory busy = ScratchDirectory.create(work.toString(), "vid-running-elsewhere")) {
            TranscodeResult result = transcode().apply(input);

            assertThat(result.renditions()).hasSize(2);
            assertThat(keys(MediaKeys.outputPrefix(videoId))).contains(result.masterPlaylistKey());
            assertThat(stale).doesNotExist();
            assertThat(busy.path()).as("a folder in use by another invocation is kept").isDirectory();
        }
        assertThat(work).isEmptyDirectory();
    }

    /** A store whose uploads hang: an S3 endpoint that has become very slow. */
    private static ObjectStore slowUploads(ObjectStore store, Duration delay) {
        return new ObjectStore() {
            @Override
            public Optional<ObjectInfo> head(String bucket, String key) {
                return store.head(bucket, key);
            }

            @Override
            public void download(String bucket, String key, Path target) {
                store.download(bucket, key, target);
            }

            @Override
            public java.io.InputStream read(String bucket, String key, long offset) {
                return store.read(bucket, key, offset);
            }

            @Override
            public long upload(String bucket, String key, Path source, String contentType) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                return store.upload(bucket, key, source, contentType);
            }

            @Override
            public void delete(String bucket, String key) {
                store.delete(bucket, key);
            }

            @Override
            public int deletePrefix(String bucket, String prefix) {
                return store.deletePrefix(bucket, prefix);
            }

            @Override
            public int copyPrefix(String bucket, String fromPrefix, String toPrefix) {
                return store.copyPrefix(bucket, fromPrefix, toPrefix);
            }
        };
    }

    @Test
    void apply_uploadSlowerThanItsDeadline_failsByNameWithinTheInvocationsTime() {
        String videoId = Emulators.uniqueName("vid");
        TranscodeInput input = JSON.readValue(event(videoId, TestVideos.shared().landscape()), TranscodeInput.class);
        Transcode stage = new Transcode(slowUploads(new S3ObjectStore(s3), Duration.ofSeconds(90)),
                new FfmpegTranscoder(FfmpegBinaries.fromEnvironment(), "ultrafast"), media, work.toString(), 3008,
                Duration.ofMinutes(2));
        Duration timeLeft = Duration.ofSeconds(25);

        long started = System.nanoTime();
        assertThatThrownBy(() -> stage.apply(input, 3008, timeLeft))
                .isInstanceOf(OutputUploadTimeoutException.class)
                .hasMessageContaining("deadline");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("failed by name before Lambda's timeout").isLessThan(timeLeft);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void apply_noProbeResult_throwsMalformedInput() {
        TranscodeInput input = new TranscodeInput(1, "vid-x", "chan-example", null, null);

        assertThatThrownBy(() -> transcode().apply(input)).isInstanceOf(TranscodeInputMalformedException.class);
    }

    @Test
    void functionInvoker_transcodeEvent_returnsTheResult() throws Exception {
        String videoId = Emulators.uniqueName("vid");
        String event = event(videoId, TestVideos.shared().landscape());
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", TranscodeApplication.class.getName());
        System.setProperty("MEDIA_BUCKET", media);
        System.setProperty("X264_PRESET", "ultrafast");
        System.setProperty("WORK_DIR", Files.createDirectories(work.resolve("lambda-tmp")).toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("transcode").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(result).containsEntry("masterPlaylistKey", MediaKeys.masterPlaylist(videoId));
        assertThat((List<?>) result.get("renditions")).hasSize(2);
        assertThat(keys(MediaKeys.hlsPrefix(videoId))).contains(MediaKeys.masterPlaylist(videoId));
    }
}
