package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.media.ChunkJob;
import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.media.TestVideos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The loopback range server over S3Proxy: HTTP range semantics, and a chunk reading only its part of a source. */
class SourceServerIT {
    private static final TestVideos.Synthetic SOURCE = new TestVideos.Synthetic("ranged.mp4", "640x360", "25", 60, 60,
            50, false);
    private static S3Client s3;
    private static S3ObjectStore store;
    private static String bucket;
    private static final String KEY = "uploads/chan-example/vid-example/ranged source.mp4";
    private static long size;

    @TempDir
    Path work;

    @BeforeAll
    static void upload() throws Exception {
        s3 = new AwsClients(Emulators.shared().lookup()).s3();
        store = new S3ObjectStore(s3);
        bucket = Emulators.uniqueName("uploads");
        s3.createBucket(b -> b.bucket(bucket));
        Path file = TestVideos.shared().synthetic(SOURCE);
        size = Files.size(file);
        s3.putObject(b -> b.bucket(bucket).key(KEY), RequestBody.fromFile(file));
    }

    @Test
    void get_rangesHeadAndUnknownPaths_answerAsAnHttpServerOfOneFile() throws Exception {
        try (SourceServer server = SourceServer.start(store, bucket, KEY, size, 1000)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> ranged = http.send(HttpRequest.newBuilder(server.uri())
                    .header("Range", "bytes=4-").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(ranged.statusCode()).isEqualTo(206);
            assertThat(ranged.headers().firstValue("Content-Range")).hasValue("bytes 4-1003/" + size);
            assertThat(new String(ranged.body(), 0, 4)).isEqualTo("ftyp");

            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(server.uri()).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(206);
            HttpResponse<Void> past = http.send(HttpRequest.newBuilder(server.uri())
                    .header("Range", "bytes=" + size + "-").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(past.statusCode()).isEqualTo(416);
            URI other = URI.create(server.uri().toString().replaceAll("/[0-9a-f]+$", "/source"));
            assertThat(http.send(HttpRequest.newBuilder(other).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(404);
        }
    }

    @Test
    void transcodeChunk_throughTheServer_readsOnlyItsPartAndMatchesTheLocalFile() {
        Path file = TestVideos.shared().synthetic(SOURCE);
        FfmpegTranscoder transcoder = new FfmpegTranscoder(FfmpegBinaries.fromEnvironment(), "ultrafast");
        MediaInfo media = new FfprobeMediaProber(FfmpegBinaries.fromEnvironment()).probe(file);
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        ChunkSpec middle = new ChunkPlanner(8, 1).plan(media).chunks().get(3);

        ChunkOutput local = transcoder.transcodeChunk(new ChunkJob(file.toUri(), media, ladder, middle,
                work.resolve("local"), Duration.ofMinutes(2)));
        ChunkOutput remote;
        long served;
        try (SourceServer server = SourceServer.start(store, bucket, KEY, size, 256 * 1024)) {
            remote = transcoder.transcodeChunk(new ChunkJob(server.uri(), media, ladder, middle,
                    work.resolve("remote"), Duration.ofMinutes(2)));
            served = server.bytesServed();
            assertThat(server.reads()).isGreaterThan(1);
            assertThat(server.failure()).isNull();
        }

        assertThat(ChunkedTranscodeIT.names(remote)).isEqualTo(ChunkedTranscodeIT.names(local)).isNotEmpty();
        // 8 s of 60, its index and the lead-in from the key frame before: far from a full copy.
        assertThat(served).as("bytes read of %d", size).isLessThan(size * 35 / 100);
    }
}
