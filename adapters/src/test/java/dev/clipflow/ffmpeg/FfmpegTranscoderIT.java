package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.media.ProducedRendition;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.testing.media.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class FfmpegTranscoderIT {
    private static final TestVideos VIDEOS = TestVideos.shared();
    private static final Pattern XYWH = Pattern.compile("#xywh=(\\d+),(\\d+),(\\d+),(\\d+)");

    private final FfmpegBinaries binaries = FfmpegBinaries.fromEnvironment();
    private final FfprobeMediaProber prober = new FfprobeMediaProber(binaries);
    private final FfmpegTranscoder transcoder = new FfmpegTranscoder(binaries, "ultrafast");

    @TempDir
    Path work;

    static Stream<Arguments> goodSources() {
        return Stream.of(
                Arguments.of("landscape", (Supplier<Path>) VIDEOS::landscape,
                        List.of("426x240", "640x360", "854x480", "1280x720")),
                Arguments.of("portrait", (Supplier<Path>) VIDEOS::portrait,
                        List.of("240x426", "360x640", "480x854", "720x1280")),
                Arguments.of("rotated", (Supplier<Path>) VIDEOS::rotated, List.of("240x426", "360x640")),
                Arguments.of("no audio", (Supplier<Path>) VIDEOS::noAudio, List.of("426x240", "640x360")),
                Arguments.of("one frame", (Supplier<Path>) VIDEOS::oneFrame, List.of("320x240")),
                Arguments.of("odd dimensions", (Supplier<Path>) VIDEOS::oddDimensions, List.of("428x240", "640x358")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodSources")
    void transcode_goodSource_givesAPlayableLadderPosterAndSprite(String name, Supplier<Path> source,
                                                                  List<String> expectedSizes) throws IOException {
        Path file = source.get();
        MediaInfo media = prober.probe(file);
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        TranscodeOutput out = transcoder.transcode(new TranscodeJob(file, media, ladder, work, Duration.ofMinutes(2)));

        assertThat(out.renditions()).extracting(r -> r.width() + "x" + r.height())
                .containsExactlyElementsOf(expectedSizes);
        for (ProducedRendition r : out.renditions()) {
            assertPlayableRendition(out.directory().resolve(r.playlist()), r, media);
        }
        assertPlayableMaster(out, media);
        assertPoster(out.directory().resolve(out.poster()), ladder.getLast());
        assertSprite(out, ThumbnailPlan.of(media, ladder));
    }

    private static void assertPlayableRendition(Path playlist, ProducedRendition r, MediaInfo media) {
        JsonNode probe = Ffprobe.read(playlist);
        List<JsonNode> video = Ffprobe.streams(probe, "video");
        assertThat(video).hasSize(1);
        assertThat(video.getFirst().path("width").asInt()).isEqualTo(r.width());
        assertThat(video.getFirst().path("height").asInt()).isEqualTo(r.height());
        assertThat(video.getFirst().path("codec_name").asString()).isEqualTo("h264");
        assertThat(Ffprobe.streams(probe, "audio")).hasSize(media.hasAudio() ? 1 : 0);
        assertThat(Ffprobe.duration(probe)).isCloseTo(media.durationSeconds(), Offset.offset(0.3));
        assertThat(r.peakBandwidth()).isGreaterThanOrEqualTo(r.averageBandwidth()).isPositive();
        assertThat(r.codecs()).startsWith("avc1.").contains(media.hasAudio() ? "mp4a.40.2" : "avc1");
        assertThat(r.codecs().contains("mp4a")).isEqualTo(media.hasAudio());
    }

    private static void assertPlayableMaster(TranscodeOutput out, MediaInfo media) throws IOException {
        Path master = out.directory().resolve(out.masterPlaylist());
        String text = Files.readString(master);
        for (ProducedRendition r : out.renditions()) {
            assertThat(text).contains("RESOLUTION=" + r.width() + "x" + r.height())
                    .contains("BANDWIDTH=" + r.peakBandwidth())
                    .contains("CODECS=\"" + r.codecs() + "\"")
                    .contains(r.name() + "/index.m3u8");
        }
        JsonNode probe = Ffprobe.read(master);
        int perVariant = media.hasAudio() ? 2 : 1;
        assertThat(probe.path("streams").size()).isEqualTo(out.renditions().size() * perVariant);
    }

    private static void assertPoster(Path poster, RenditionSpec top) throws IOException {
        byte[] head = Files.readAllBytes(poster);
        assertThat(head[0] & 0xFF).isEqualTo(0xFF);
        assertThat(head[1] & 0xFF).isEqualTo(0xD8);
        JsonNode image = Ffprobe.streams(Ffprobe.read(poster), "video").getFirst();
        assertThat(image.path("codec_name").asString()).isEqualTo("mjpeg");
        assertThat(image.path("width").asInt()).isEqualTo(top.width());
        assertThat(image.path("height").asInt()).isEqualTo(top.height());
    }

    private static void assertSprite(TranscodeOutput out, ThumbnailPlan plan) throws IOException {
        JsonNode sprite = Ffprobe.streams(Ffprobe.read(out.directory().resolve(out.sprite())), "video").getFirst();
        int width = sprite.path("width").asInt();
        int height = sprite.path("height").asInt();
        assertThat(width).isEqualTo(plan.spriteWidth());
        assertThat(height).isEqualTo(plan.spriteHeight());
        String vtt = Files.readString(out.directory().resolve(out.spriteIndex()));
        assertThat(vtt).startsWith("WEBVTT").contains("00:00:00.000 --> ");
        Matcher m = XYWH.matcher(vtt);
        int cues = 0;
        while (m.find()) {
            cues++;
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            assertThat(x + Integer.parseInt(m.group(3))).isLessThanOrEqualTo(width);
            assertThat(y + Integer.parseInt(m.group(4))).isLessThanOrEqualTo(height);
        }
        assertThat(cues).isEqualTo(plan.tileCount());
        assertThat(vtt).contains("sprite.jpg#xywh=");
    }

    @Test
    void transcode_corruptMediaData_isRejectedAsCorrupt() {
        Path file = VIDEOS.corrupt();
        MediaInfo media = prober.probe(file);
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        TranscodeJob job = new TranscodeJob(file, media, ladder, work, Duration.ofMinutes(1));
        assertThatThrownBy(() -> transcoder.transcode(job))
                .isInstanceOf(MediaRejectedException.class)
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.CORRUPT));
    }

    @Test
    void transcode_headerPromisesMoreThanTheStreamHolds_isRejectedAsTruncated() {
        Path file = VIDEOS.noAudio();
        MediaInfo real = prober.probe(file);
        MediaInfo claimed = new MediaInfo(real.durationSeconds() * 3, real.width(), real.height(), 0,
                real.displayWidth(), real.displayHeight(), real.frameRate(), real.videoCodec(), null,
                real.bitRate(), real.formatName());
        List<RenditionSpec> ladder = new LadderPlanner().plan(claimed);
        assertThatThrownBy(() -> transcoder.transcode(new TranscodeJob(file, claimed, ladder, work,
                Duration.ofMinutes(1))))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("stops at")
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.TRUNCATED));
    }

    @Test
    void transcode_tooLittleTime_stopsWithATimeout() {
        Path file = VIDEOS.landscape();
        MediaInfo media = prober.probe(file);
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        assertThatThrownBy(() -> transcoder.transcode(new TranscodeJob(file, media, ladder, work,
                Duration.ofMillis(200))))
                .isInstanceOf(FfmpegTimeoutException.class);
    }
}
