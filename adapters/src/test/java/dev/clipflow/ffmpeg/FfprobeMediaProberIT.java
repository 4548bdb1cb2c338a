package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.testing.media.TestVideos;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FfprobeMediaProberIT {
    private final TestVideos videos = TestVideos.shared();
    private final FfprobeMediaProber prober = new FfprobeMediaProber(FfmpegBinaries.fromEnvironment());

    @Test
    void probe_landscape_readsSizeDurationCodecs() {
        MediaInfo info = prober.probe(videos.landscape());
        assertThat(info.displayWidth()).isEqualTo(1280);
        assertThat(info.displayHeight()).isEqualTo(720);
        assertThat(info.rotation()).isZero();
        assertThat(info.durationSeconds()).isBetween(3.9, 4.2);
        assertThat(info.frameRate()).isEqualTo(25.0);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.formatName()).contains("mp4");
    }

    @Test
    void probe_rotated_reportsDisplaySizeUpright() {
        MediaInfo info = prober.probe(videos.rotated());
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(360);
        assertThat(info.rotation()).isIn(90, 270);
        assertThat(info.displayWidth()).isEqualTo(360);
        assertThat(info.displayHeight()).isEqualTo(640);
        assertThat(info.isPortrait()).isTrue();
    }

    @Test
    void probe_portrait_isPortrait() {
        MediaInfo info = prober.probe(videos.portrait());
        assertThat(info.rotation()).isZero();
        assertThat(info.isPortrait()).isTrue();
    }

    @Test
    void probe_noAudio_hasNoAudioCodec() {
        MediaInfo info = prober.probe(videos.noAudio());
        assertThat(info.hasAudio()).isFalse();
        assertThat(info.audioCodec()).isNull();
    }

    @Test
    void probe_oneFrame_hasAShortPositiveDuration() {
        MediaInfo info = prober.probe(videos.oneFrame());
        assertThat(info.durationSeconds()).isPositive().isLessThan(0.2);
        assertThat(info.displayWidth()).isEqualTo(320);
    }

    @Test
    void probe_oddDimensions_keepsTheOddSize() {
        MediaInfo info = prober.probe(videos.oddDimensions());
        assertThat(info.displayWidth()).isEqualTo(641);
        assertThat(info.displayHeight()).isEqualTo(359);
    }

    @Test
    void probe_emptyFile_isRejectedAsEmpty() {
        assertRejected(videos::emptyFile, MediaRejectionReason.EMPTY_FILE, "empty");
    }

    @Test
    void probe_textRenamedMp4_isRejectedAsNotAVideo() {
        assertRejected(videos::textFile, MediaRejectionReason.NOT_A_VIDEO, "not a video");
    }

    @Test
    void probe_audioOnly_isRejectedAsAudioOnly() {
        assertRejected(videos::audioOnly, MediaRejectionReason.AUDIO_ONLY, "only audio");
    }

    @Test
    void probe_mp4CutBeforeItsIndex_isRejectedAsTruncated() {
        assertRejected(videos::truncated, MediaRejectionReason.TRUNCATED, "incomplete");
    }

    @Test
    void probe_mp4CutAfterItsIndex_isRejectedAsTruncated() {
        assertRejected(videos::truncatedAfterIndex, MediaRejectionReason.TRUNCATED, "incomplete");
    }

    @Test
    void probe_message_neverContainsTheLocalPath() {
        Path text = videos.textFile();
        assertThatThrownBy(() -> prober.probe(text)).hasMessageNotContaining(text.toString());
    }

    private void assertRejected(Supplier<Path> source, MediaRejectionReason reason, String words) {
        Path file = source.get();
        assertThatThrownBy(() -> prober.probe(file))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining(words)
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason()).isEqualTo(reason));
    }

    /** A playlist or concat script named .mp4 that points at a real video and at a loopback URL. */
    static Stream<Arguments> referencingFiles() {
        return Stream.of(
                Arguments.of("HLS playlist", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n%s\n#EXTINF:4.0,\n%s\n"
                        + "#EXT-X-ENDLIST\n"),
                Arguments.of("ffconcat script", "ffconcat version 1.0\nfile '%s'\nfile '%s'\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencingFiles")
    void probe_fileThatReferencesOthers_isNotAVideoAndNothingReferencedIsRead(String kind, String template,
                                                                              @TempDir Path dir) throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/segment.ts";
            Path disguised = Files.writeString(dir.resolve("holiday.mp4"),
                    String.format(template, videos.landscape().toString(), url));

            assertThatThrownBy(() -> prober.probe(disguised)).isInstanceOf(MediaRejectedException.class)
                    .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                            .isEqualTo(MediaRejectionReason.NOT_A_VIDEO));
            try (SourceServer source = SourceServer.start(new LocalFiles(dir), "b", "holiday.mp4",
                    Files.size(disguised))) {
                assertThatThrownBy(() -> prober.probe(source.uri(), Files.size(disguised)))
                        .isInstanceOf(MediaRejectedException.class)
                        .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                                .isEqualTo(MediaRejectionReason.NOT_A_VIDEO));
            }
            // A followed reference would have probed the real video, or asked the server for the segment.
            assertThat(fetched.get()).isZero();
        } finally {
            server.stop(0);
        }
    }
}
