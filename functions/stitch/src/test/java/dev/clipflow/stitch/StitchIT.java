package dev.clipflow.stitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.ffmpeg.ChunksIncompleteException;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.HlsSegment;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.TranscodeResult;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stitch function against S3Proxy, on chunks laid out as the chunk function leaves them (events/stitch.json:
 * 20 s of 320x180 in chunks of 8 s, one rendition): segments in place, manifests and tiles under chunks/.
 */
class StitchIT {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static S3Client s3;
    private static String media;

    @TempDir
    Path work;

    @BeforeAll
    static void emulators() {
        s3 = new AwsClients(Emulators.shared().lookup()).s3();
        media = Emulators.uniqueName("media");
        s3.createBucket(b -> b.bucket(media));
    }

    private Stitch stitch() {
        return new Stitch(new S3ObjectStore(s3), media, work.toString(), 1769);
    }

    @Test
    void apply_threeChunks_writesPlaylistsMasterSpriteAndIndex_andRemovesTheWorkFiles() throws Exception {
        String videoId = Emulators.uniqueName("vid");
        writeChunks(videoId, 3, true);

        TranscodeResult result = stitch().apply(input(videoId));

        String hls = MediaKeys.hlsPrefix(videoId);
        String playlist = text(hls + "180p/index.m3u8");
        assertThat(playlist).startsWith("#EXTM3U\n").contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-TARGETDURATION:4")
                .doesNotContain("DISCONTINUITY").endsWith("#EXT-X-ENDLIST\n");
        assertThat(playlist.lines().filter(l -> l.startsWith("seg_")).toList())
                .containsExactly("seg_00000.ts", "seg_00001.ts", "seg_00002.ts", "seg_00003.ts", "seg_00004.ts");
        assertThat(text(hls + "master.m3u8")).contains("RESOLUTION=320x180", "CODECS=\"avc1.42c00d,mp4a.40.2\"",
                "180p/index.m3u8");
        BufferedImage sprite = ImageIO.read(new ByteArrayInputStream(s3.getObjectAsBytes(b -> b.bucket(media)
                .key(MediaKeys.sprite(videoId))).asByteArray()));
        assertThat(sprite.getWidth()).isEqualTo(1600);
        assertThat(sprite.getHeight()).isEqualTo(180);
        assertThat(text(MediaKeys.spriteIndex(videoId))).startsWith("WEBVTT")
                .contains("sprite.jpg#xywh=1440,90,160,90");
        assertThat(keys(MediaKeys.chunksPrefix(videoId))).isEmpty();

        assertThat(result.masterPlaylistKey()).isEqualTo(MediaKeys.masterPlaylist(videoId));
        assertThat(result.posterKey()).isEqualTo(MediaKeys.poster(videoId));
        assertThat(result.renditions()).singleElement().satisfies(r -> {
            assertThat(r.bandwidth()).isEqualTo(400_000);
            assertThat(r.playlistKey()).isEqualTo(hls + "180p/index.m3u8");
        });
        StageUsage usage = result.usage();
        assertThat(usage.stage()).isEqualTo("transcode");
        assertThat(usage.invocations()).as("3 chunks, the first retried once, and the stitch").isEqualTo(5);
        assertThat(usage.stateTransitions()).as("each child's task state, one retry").isEqualTo(4);
        assertThat(usage.memoryMb()).isEqualTo(10240);
        assertThat(usage.durationMillis()).isGreaterThanOrEqualTo(3 * 20_000);
        assertThat(usage.s3Puts()).isGreaterThan(3 * 4);
        assertThat(result.bytesStored()).isGreaterThan(5 * 200_000);
    }

    @Test
    void apply_aChunkWithoutManifest_failsNamingIt() throws Exception {
        String videoId = Emulators.uniqueName("vid");
        writeChunks(videoId, 3, true);
        s3.deleteObject(b -> b.bucket(media).key(MediaKeys.chunkManifest(videoId, 1)));

        assertThatThrownBy(() -> stitch().apply(input(videoId))).isInstanceOf(ChunksIncompleteException.class)
                .hasMessageContaining("Chunk 1 wrote no manifest");
    }

    @Test
    void apply_noPoster_fails() throws Exception {
        String videoId = Emulators.uniqueName("vid");
        writeChunks(videoId, 3, false);

        assertThatThrownBy(() -> stitch().apply(input(videoId))).isInstanceOf(ChunksIncompleteException.class)
                .hasMessageContaining("poster");
    }

    @Test
    void apply_onePassPlan_throwsMalformedInput() {
        StitchInput onePass = JSON.readValue(Events.text("stitch.json").replace("\"CHUNKED\"", "\"ONE_PASS\""),
                StitchInput.class);

        assertThatThrownBy(() -> stitch().apply(onePass)).isInstanceOf(StitchInputMalformedException.class);
    }

    @Test
    void functionInvoker_sampleEvent_answersLikeTheOnePassTranscode() throws Exception {
        String videoId = Emulators.uniqueName("vid");
        writeChunks(videoId, 3, true);
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", StitchApplication.class.getName());
        System.setProperty("MEDIA_BUCKET", media);
        System.setProperty("WORK_DIR", Files.createDirectories(work.resolve("lambda-tmp")).toString());
        String event = Events.text("stitch.json").replace("vid-example", videoId);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("stitch").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);

        Map<String, Object> result = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(result).containsEntry("masterPlaylistKey", MediaKeys.masterPlaylist(videoId))
                .containsKeys("posterKey", "spriteKey", "spriteIndexKey", "renditions", "bytesStored", "usage");
    }

    private static StitchInput input(String videoId) {
        return JSON.readValue(Events.text("stitch.json").replace("vid-example", videoId), StitchInput.class);
    }

    /** Chunks of 8 s as events/stitch.json plans them: 2, 2 and 1 segments of 200 kB per 4 s; 20 tiles. */
    private void writeChunks(String videoId, int count, boolean poster) throws Exception {
        int[] segments = {2, 2, 1};
        int next = 0;
        for (int c = 0; c < count; c++) {
            List<HlsSegment> list = new ArrayList<>();
            for (int s = 0; s < segments[c]; s++) {
                String name = String.format(Locale.ROOT, "seg_%05d.ts", next++);
                list.add(new HlsSegment(name, 4.0, 200_000));
                put(MediaKeys.hlsPrefix(videoId) + "180p/" + name, new byte[200_000]);
            }
            List<Integer> tiles = new ArrayList<>();
            for (int t = c * 8; t < Math.min(20, c * 8 + 8); t++) {
                tiles.add(t);
                put(MediaKeys.chunkTile(videoId, t), image("bmp"));
            }
            StageUsage usage = new StageUsage("transcode", 1, 20_000, 10240, 0, 400_000, 5L, 3L);
            ChunkManifest manifest = new ChunkManifest(1, videoId, c,
                    List.of(new ChunkOutput.Rendition("180p", "avc1.42c00d,mp4a.40.2", list)), tiles,
                    poster && c == 0, usage, c == 0 ? 1 : 0);
            put(MediaKeys.chunkManifest(videoId, c), JSON.writeValueAsBytes(manifest));
        }
        if (poster) {
            put(MediaKeys.poster(videoId), image("jpeg"));
        }
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage tile = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(tile, format, out);
        return out.toByteArray();
    }

    private static void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(media).key(key), RequestBody.fromBytes(bytes));
    }

    private static String text(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(media).key(key)).asUtf8String();
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(media).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }
}
