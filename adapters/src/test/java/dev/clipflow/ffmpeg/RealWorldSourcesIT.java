package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.ProducedRendition;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.testing.media.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Uploads that real devices make and that once failed: a browser's WebM recording (no duration anywhere in the
 * file), audio that runs on after the picture, and HDR video. Each is probed and transcoded as the pipeline does,
 * and its published renditions are read back with ffprobe as a player would.
 */
class RealWorldSourcesIT {
    private static final TestVideos VIDEOS = TestVideos.shared();

    private final FfmpegBinaries binaries = FfmpegBinaries.fromEnvironment();
    private final FfprobeMediaProber prober = new FfprobeMediaProber(binaries);
    private final FfmpegTranscoder transcoder = new FfmpegTranscoder(binaries, "ultrafast");

    @TempDir
    Path work;

    private TranscodeOutput transcode(Path file, MediaInfo media) {
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        return transcoder.transcode(new TranscodeJob(file, media, ladder, work, Duration.ofMinutes(2)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vp8", "vp9"})
    void browserRecording_withoutADurationInTheFile_isPublishedWithItsMeasuredLength(String codec) {
        Path file = VIDEOS.browserRecording(codec);
        JsonNode source = Ffprobe.read(file);
        assertThat(source.path("format").has("duration")).as("the recording's header has no duration").isFalse();
        assertThat(Ffprobe.streams(source, "video")).allSatisfy(v -> assertThat(v.has("duration")).isFalse());

        MediaInfo media = prober.probe(file);
        TranscodeOutput out = transcode(file, media);

        assertThat(media.durationSeconds()).isCloseTo(3.0, Offset.offset(0.1));
        assertThat(media.pictureEndSeconds()).isCloseTo(3.0, Offset.offset(0.1));
        assertThat(media.frameRate()).isCloseTo(30, Offset.offset(1.0));
        for (ProducedRendition r : out.renditions()) {
            JsonNode rendition = Ffprobe.read(out.directory().resolve(r.playlist()));
            assertThat(Ffprobe.duration(rendition)).isCloseTo(3.0, Offset.offset(0.3));
            assertThat(Ffprobe.streams(rendition, "audio")).hasSize(1);
            assertThat(r.durationSeconds()).isCloseTo(3.0, Offset.offset(0.3));
        }
    }

    /** The published video is cut where the picture ends (docs/adr/0011): no frozen frame over the audio's tail. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mp4", "mkv", "webm"})
    void audioLongerThanThePicture_isPublishedCutToThePicture(String container) {
        Path file = VIDEOS.audioLongerThanVideo(container);

        MediaInfo media = prober.probe(file);
        TranscodeOutput out = transcode(file, media);

        assertThat(media.durationSeconds()).isCloseTo(5.0, Offset.offset(0.1));
        assertThat(media.pictureEndSeconds()).isCloseTo(2.0, Offset.offset(0.1));
        for (ProducedRendition r : out.renditions()) {
            JsonNode rendition = Ffprobe.read(out.directory().resolve(r.playlist()));
            assertThat(Ffprobe.streams(rendition, "audio")).hasSize(1);
            assertThat(Ffprobe.duration(rendition)).isCloseTo(2.0, Offset.offset(0.3));
            assertThat(r.durationSeconds()).isCloseTo(2.0, Offset.offset(0.3));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arib-std-b67", "smpte2084"})
    void hdrSource_isPublishedAsEightBitSdrTaggedBt709(String transfer) {
        Path file = VIDEOS.hdr(transfer);
        JsonNode sourceVideo = Ffprobe.streams(Ffprobe.read(file), "video").getFirst();
        assertThat(sourceVideo.path("color_transfer").asString()).isEqualTo(transfer);
        assertThat(sourceVideo.path("pix_fmt").asString()).isEqualTo("yuv420p10le");

        MediaInfo media = prober.probe(file);
        TranscodeOutput out = transcode(file, media);

        assertThat(media.colorTransfer()).isEqualTo(transfer);
        assertThat(media.colorPrimaries()).isEqualTo("bt2020");
        for (ProducedRendition r : out.renditions()) {
            JsonNode video = Ffprobe.streams(Ffprobe.read(out.directory().resolve(r.playlist())), "video").getFirst();
            assertThat(video.path("pix_fmt").asString()).as(r.name()).isEqualTo("yuv420p");
            assertThat(video.path("color_transfer").asString()).as(r.name()).isEqualTo("bt709");
            assertThat(video.path("color_primaries").asString()).as(r.name()).isEqualTo("bt709");
            assertThat(video.path("color_space").asString()).as(r.name()).isEqualTo("bt709");
            assertThat(video.path("color_range").asString()).as(r.name()).isEqualTo("tv");
        }
    }
}
