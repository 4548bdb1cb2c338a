package dev.clipflow.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.testing.Emulators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStoreIT {
    private static S3Client s3;
    private static ObjectStore store;
    private static String bucket;

    @BeforeAll
    static void startEmulators() {
        AwsClients clients = new AwsClients(Emulators.shared().lookup());
        s3 = clients.s3();
        store = new S3ObjectStore(s3);
        bucket = Emulators.uniqueName("objects");
        s3.createBucket(b -> b.bucket(bucket));
    }

    @Test
    void uploadThenDownload_keyWithSpacesPlusAndAccents_roundTripsBytes(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("in.txt"), "hello, clipflow");
        String key = "uploads/chan-1/vid-1/my video+final é.mp4";

        long size = store.upload(bucket, key, source, "video/mp4");
        Path target = dir.resolve("out.bin");
        store.download(bucket, key, target);

        assertThat(size).isEqualTo(15);
        assertThat(Files.readString(target)).isEqualTo("hello, clipflow");
        assertThat(store.head(bucket, key)).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(15);
            assertThat(info.contentType()).isEqualTo("video/mp4");
        });
    }

    @Test
    void head_missingKey_isEmpty() {
        assertThat(store.head(bucket, "no/such/key")).isEmpty();
    }

    @Test
    void deletePrefix_removesOnlyThatFolder(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        for (int i = 0; i < 5; i++) {
            store.upload(bucket, "videos/abc/hls/" + i + ".ts", file, "video/mp2t");
        }
        store.upload(bucket, "videos/abcd/keep.jpg", file, "image/jpeg");

        int deleted = store.deletePrefix(bucket, "videos/abc/");

        assertThat(deleted).isEqualTo(5);
        assertThat(store.head(bucket, "videos/abc/hls/0.ts")).isEmpty();
        assertThat(store.head(bucket, "videos/abcd/keep.jpg")).isPresent();
        assertThat(store.deletePrefix(bucket, "videos/abc/")).isZero();
    }

    @Test
    void deletePrefix_notAFolder_isRefused() {
        assertThatThrownBy(() -> store.deletePrefix(bucket, "videos/abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.deletePrefix(bucket, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copyPrefix_copiesEveryObjectOfTheFolderWithItsContentType_andNothingElse(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "segment");
        store.upload(bucket, "videos/cpy/hls/360p/0.ts", file, "video/mp2t");
        store.upload(bucket, "videos/cpy/hls/master.m3u8", file, "application/vnd.apple.mpegurl");
        store.upload(bucket, "videos/cpy2/keep.jpg", file, "image/jpeg");

        int copied = store.copyPrefix(bucket, "videos/cpy/", "restricted/cpy/");

        assertThat(copied).isEqualTo(2);
        assertThat(store.head(bucket, "restricted/cpy/hls/360p/0.ts")).hasValueSatisfying(o -> {
            assertThat(o.size()).isEqualTo(7);
            assertThat(o.contentType()).isEqualTo("video/mp2t");
        });
        assertThat(store.head(bucket, "restricted/cpy/hls/master.m3u8")).isPresent();
        assertThat(store.head(bucket, "restricted/cpy2/keep.jpg")).isEmpty();
        assertThat(store.head(bucket, "videos/cpy/hls/360p/0.ts")).as("a copy, not a move").isPresent();
        assertThat(store.copyPrefix(bucket, "videos/none/", "restricted/none/")).isZero();
        assertThatThrownBy(() -> store.copyPrefix(bucket, "videos/cpy", "restricted/cpy/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongSecret_isRejectedByTheEmulator() {
        var config = new java.util.HashMap<>(Emulators.shared().config());
        config.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        try (S3Client wrong = new AwsClients(config::get).s3()) {
            assertThatThrownBy(() -> wrong.listObjectsV2(b -> b.bucket(bucket)))
                    .hasMessageContaining("403");
        }
    }
}
