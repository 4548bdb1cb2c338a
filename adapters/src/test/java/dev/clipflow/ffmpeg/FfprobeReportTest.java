package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.pipeline.MediaInfo;
import org.junit.jupiter.api.Test;

class FfprobeReportTest {

    private static String json(String videoExtra, String audio, String format) {
        return """
                {"streams": [
                  {"codec_type": "video", "codec_name": "h264", "width": 1920, "height": 1080,
                   "avg_frame_rate": "30000/1001", "duration": "10.0", "bit_rate": "4000000" %s}
                  %s
                ], "format": {"format_name": "%s", "duration": "10.01", "size": "5200000", "bit_rate": "4150000"}}
                """.formatted(videoExtra, audio, format);
    }

    private static final String AAC = """
            ,{"codec_type": "audio", "codec_name": "aac", "duration": "10.0", "bit_rate": "128000"}""";

    @Test
    void parse_phoneVideoWithDisplayMatrix_swapsDisplaySize() {
        MediaInfo info = FfprobeReport.parse(json("""
                ,"side_data_list": [{"side_data_type": "Display Matrix", "rotation": -90}]""", AAC, "mov,mp4"), 0);
        assertThat(info.rotation()).isEqualTo(90);
        assertThat(info.displayWidth()).isEqualTo(1080);
        assertThat(info.displayHeight()).isEqualTo(1920);
        assertThat(info.frameRate()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.01));
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.durationSeconds()).isEqualTo(10.01);
    }

    @Test
    void parse_rotateTag_winsAndIsNormalised() {
        MediaInfo info = FfprobeReport.parse(json(",\"tags\": {\"rotate\": \"-90\"}", "", "mov,mp4"), 0);
        assertThat(info.rotation()).isEqualTo(270);
        assertThat(info.isPortrait()).isTrue();
    }

    @Test
    void parse_anamorphicSource_usesTheSampleAspectRatio() {
        MediaInfo info = FfprobeReport.parse(json(",\"sample_aspect_ratio\": \"4:3\"", "", "matroska,webm"), 0);
        assertThat(info.width()).isEqualTo(1920);
        assertThat(info.displayWidth()).isEqualTo(2560);
    }

    @Test
    void parse_mp3WithCoverArt_isAudioOnly() {
        String mp3 = """
                {"streams": [
                  {"codec_type": "audio", "codec_name": "mp3"},
                  {"codec_type": "video", "codec_name": "mjpeg", "width": 500, "height": 500,
                   "disposition": {"attached_pic": 1}}
                ], "format": {"format_name": "mp3", "duration": "200"}}""";
        assertThatThrownBy(() -> FfprobeReport.parse(mp3, 0))
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.AUDIO_ONLY));
    }

    @Test
    void parse_stillImage_isNotAVideo() {
        String png = """
                {"streams": [{"codec_type": "video", "codec_name": "png", "width": 10, "height": 10}],
                 "format": {"format_name": "png_pipe"}}""";
        assertThatThrownBy(() -> FfprobeReport.parse(png, 0))
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.NOT_A_VIDEO));
    }

    @Test
    void parse_mp4SmallerThanItsIndexSays_isTruncated() {
        assertThatThrownBy(() -> FfprobeReport.parse(json("", AAC, "mov,mp4,m4a,3gp,3g2,mj2"), 2_000_000))
                .hasMessageContaining("2000000 bytes")
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.TRUNCATED));
    }

    @Test
    void parse_completeMp4_isAccepted() {
        assertThat(FfprobeReport.parse(json("", AAC, "mov,mp4,m4a,3gp,3g2,mj2"), 5_200_000).videoCodec())
                .isEqualTo("h264");
    }

    @Test
    void parse_videoWithoutSize_isCorrupt() {
        String broken = """
                {"streams": [{"codec_type": "video", "codec_name": "h264", "width": 0, "height": 0}],
                 "format": {"format_name": "mov,mp4", "duration": "3"}}""";
        assertThatThrownBy(() -> FfprobeReport.parse(broken, 0))
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.CORRUPT));
    }

    @Test
    void classifyFailure_knownContainer_isCorruptOrTruncated_unknownIsNotAVideo() {
        assertThat(FfprobeMediaProber.classifyFailure(ContainerSignature.ISO_BMFF,
                "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55] moov atom not found\n<source>: Invalid data").reason())
                .isEqualTo(MediaRejectionReason.TRUNCATED);
        assertThat(FfprobeMediaProber.classifyFailure(ContainerSignature.MATROSKA, "EBML header parsing failed")
                .reason()).isEqualTo(MediaRejectionReason.CORRUPT);
        assertThat(FfprobeMediaProber.classifyFailure(ContainerSignature.UNKNOWN,
                "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55] moov atom not found").reason())
                .isEqualTo(MediaRejectionReason.NOT_A_VIDEO);
    }
}
