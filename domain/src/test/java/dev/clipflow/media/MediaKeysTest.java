package dev.clipflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaKeysTest {

    @Test
    void restrictedVideo_hasTheSameLayoutUnderRestricted() {
        assertThat(MediaKeys.masterPlaylist("v-1")).isEqualTo("videos/v-1/hls/master.m3u8");
        assertThat(MediaKeys.masterPlaylist("v-1", true)).isEqualTo("restricted/v-1/hls/master.m3u8");
        assertThat(MediaKeys.poster("v-1", true)).isEqualTo("restricted/v-1/poster.jpg");
        assertThat(MediaKeys.chunkManifest("v-1", true, 3)).isEqualTo("restricted/v-1/chunks/00003.json");
        assertThat(MediaKeys.chunkTile("v-1", true, 2)).startsWith("restricted/v-1/chunks/tiles/");
        assertThat(MediaKeys.hlsPrefix("v-1", false)).isEqualTo(MediaKeys.hlsPrefix("v-1"));
        assertThat(MediaKeys.outputPrefixes("v-1")).containsExactly("videos/v-1/", "restricted/v-1/");
    }

    @Test
    void underPrefix_movesAnOutputKeyToTheOtherPrefix_andRefusesAnyOtherKey() {
        assertThat(MediaKeys.underPrefix("videos/v-1/hls/720p/index.m3u8", "v-1", true))
                .isEqualTo("restricted/v-1/hls/720p/index.m3u8");
        assertThat(MediaKeys.underPrefix("restricted/v-1/poster.jpg", "v-1", false)).isEqualTo("videos/v-1/poster.jpg");
        assertThat(MediaKeys.underPrefix("restricted/v-1/poster.jpg", "v-1", true))
                .isEqualTo("restricted/v-1/poster.jpg");
        assertThat(MediaKeys.underPrefix(null, "v-1", true)).isNull();
        assertThatThrownBy(() -> MediaKeys.underPrefix("videos/v-10/poster.jpg", "v-1", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void videoOutputs_deleteAll_deletesUnderBothPrefixes() {
        List<String> deleted = new ArrayList<>();
        ObjectStore store = new ObjectStore() {
            @Override
            public Optional<ObjectInfo> head(String bucket, String key) {
                return Optional.empty();
            }

            @Override
            public void download(String bucket, String key, Path target) {
            }

            @Override
            public InputStream read(String bucket, String key, long offset) {
                return InputStream.nullInputStream();
            }

            @Override
            public long upload(String bucket, String key, Path source, String contentType) {
                return 0;
            }

            @Override
            public void delete(String bucket, String key) {
            }

            @Override
            public int deletePrefix(String bucket, String prefix) {
                deleted.add(bucket + ":" + prefix);
                return 2;
            }

            @Override
            public int copyPrefix(String bucket, String fromPrefix, String toPrefix) {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(new VideoOutputs(store, "media").deleteAll("v-1")).isEqualTo(4);
        assertThat(deleted).containsExactly("media:videos/v-1/", "media:restricted/v-1/");
    }
}
