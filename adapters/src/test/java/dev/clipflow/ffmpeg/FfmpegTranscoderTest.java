package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.media.ProducedRendition;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transcoder's decisions that need no ffmpeg: command shape, failure mapping, playlist maths. */
class FfmpegTranscoderTest {
    @TempDir
    Path dir;

    private static final MediaInfo MEDIA = new MediaInfo(10, 1280, 720, 0, 1280, 720, 25, "h264", "aac", 1, "mp4");
    private static final List<RenditionSpec> LADDER = List.of(
            new RenditionSpec("360p", 640, 360, 800, 96), new RenditionSpec("720p", 1280, 720, 2800, 128));

    private static LadderCommand.Spec onePass(MediaInfo media) {
        return new LadderCommand.Spec("/w/source", "file", 0, 0, null, media, LADDER, Path.of("/w/out"),
                ThumbnailPlan.of(media, LADDER), "veryfast", Path.of("/w/out/poster.jpg"),
                Path.of("/w/out/thumbnails/sprite.jpg"), null, null);
    }

    private static LadderCommand.Spec chunk(MediaInfo media, long start, Long end) {
        return new LadderCommand.Spec("http://127.0.0.1:1/s", "http,tcp", Math.max(0, start - 1), start, end, media,
                LADDER, Path.of("/w/out"), ThumbnailPlan.of(media, LADDER), "veryfast", null, null,
                Path.of("/w/out/tiles"), start == 0 ? null : Path.of("/w/start.framecrc"));
    }

    @Test
    void build_decodesOnceAndEncodesEveryRendition() {
        List<String> cmd = LadderCommand.build("ffmpeg", onePass(MEDIA));
        String line = String.join(" ", cmd);

        assertThat(Collections.frequency(cmd, "-i")).isEqualTo(1);
        assertThat(line).contains("[0:v:0]split=4").contains("scale=640:360").contains("scale=1280:720")
                .contains("tile=10x1").doesNotContain("[0:v:0]trim=");
        assertThat(Collections.frequency(cmd, "libx264")).isEqualTo(2);
        assertThat(Collections.frequency(cmd, "aac")).isEqualTo(2);
        assertThat(line).contains("-hls_playlist_type vod").contains("-hls_flags independent_segments")
                .contains("/w/out/hls/720p/index.m3u8").contains("-preset veryfast")
                .contains("-protocol_whitelist file -copyts -start_at_zero -f mp4 -i /w/source")
                .doesNotContain("noise=drop").doesNotContain("-ss ");
    }

    @Test
    void build_withoutAudio_mapsNoAudio() {
        MediaInfo silent = new MediaInfo(10, 1280, 720, 0, 1280, 720, 25, "h264", null, 1, "mp4");
        List<String> cmd = LadderCommand.build("ffmpeg", onePass(silent));
        assertThat(cmd).doesNotContain("aac");
        assertThat(String.join(" ", cmd)).doesNotContain("0:a");
    }

    @Test
    void build_middleChunk_trimsItsRangeSeeksEarlierAndKeepsOnlyItsAudioPackets() {
        MediaInfo media = new MediaInfo(130, 1280, 720, 0, 1280, 720, 25, "h264", "aac", 1,
                "mov,mp4,m4a,3gp,3g2,mj2", 48000, 130.0);
        List<String> cmd = LadderCommand.build("ffmpeg", chunk(media, 48, 96L));
        String line = String.join(" ", cmd);

        assertThat(line).contains("-protocol_whitelist http,tcp").contains("-noaccurate_seek -ss 47.000")
                .contains("-f mov -i http://127.0.0.1:1/s")
                .contains("trim=start=48:end=96,split=3")
                // packets 2250..4499 of the one-pass grid: fed from 2247, the priming packet and 3 warm-up dropped
                .contains("first_pts=" + 2247 * 1024).contains("noise=drop=lt(n\\,4)+gte(n\\,2254)")
                .contains("-force_key_frames 48,50,52")
                .contains("-f framecrc /w/start.framecrc.video").contains("-f framecrc /w/start.framecrc.audio")
                .contains("gte(t\\,48+selected_n*2)").contains("-start_number 24");
        assertThat(cmd.get(cmd.indexOf("-force_key_frames") + 1)).endsWith(",92,94");
    }

    @Test
    void build_lastChunk_runsToTheEndOfThePictureWithAnOpenKeyFrameList() {
        MediaInfo media = new MediaInfo(130, 1280, 720, 0, 1280, 720, 25, "h264", "aac", 1, "mp4", 44100, 128.5);
        List<String> cmd = LadderCommand.build("ffmpeg", chunk(media, 96, null));
        String line = String.join(" ", cmd);
        assertThat(line).contains("trim=start=96,").contains("atrim=end_pts=" + Math.round(128.5 * 44100))
                .contains("noise=drop=lt(n\\,4)").doesNotContain("gte(n");
        assertThat(cmd.get(cmd.indexOf("-force_key_frames") + 1)).startsWith("96,98,").endsWith(",186,188");
    }

    @Test
    void demuxer_isTheFirstFormatNameOrNone() {
        assertThat(LadderCommand.demuxer("matroska,webm")).isEqualTo("matroska");
        assertThat(LadderCommand.demuxer("mpegts")).isEqualTo("mpegts");
        assertThat(LadderCommand.demuxer("")).isNull();
        assertThat(LadderCommand.demuxer("x; rm -rf")).isNull();
    }

    @Test
    void failure_mapsStderrToTheNamedError() {
        assertThat(FfmpegTranscoder.failure(1, "[h264 @ 0x1] Invalid NAL unit size\nError while decoding stream"))
                .isInstanceOf(MediaRejectedException.class)
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.CORRUPT));
        assertThat(FfmpegTranscoder.failure(1, "[mov @ 0x1] moov atom not found"))
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.TRUNCATED));
        assertThat(FfmpegTranscoder.failure(1, "av_interleaved_write_frame(): No space left on device"))
                .isInstanceOf(FfmpegFailedException.class).hasMessageContaining("WORK_DIR");
        assertThat(FfmpegTranscoder.failure(1, "Unrecognized option 'hls_flags'"))
                .isInstanceOf(FfmpegFailedException.class).hasMessageContaining("exited with 1");
        assertThat(FfmpegTranscoder.failure(139, "Invalid NAL unit size"))
                .isInstanceOf(FfmpegFailedException.class).hasMessageContaining("crashed");
        // ffmpeg 8.1 when no frame decodes: the encoders are never opened.
        assertThat(FfmpegTranscoder.failure(69, "[vost#1:0/libx264 @ 0x1] [enc:libx264 @ 0x2] Could not open encoder"
                + " before EOF\n[out#0/hls @ 0x3] Nothing was written into output file, because at least one of its"
                + " streams received no packets."))
                .satisfies(e -> assertThat(((MediaRejectedException) e).reason())
                        .isEqualTo(MediaRejectionReason.CORRUPT));
    }

    @Test
    void measure_peakIgnoresAShortTailSegment() throws IOException {
        Files.write(dir.resolve("seg_00000.ts"), new byte[500_000]);
        Files.write(dir.resolve("seg_00001.ts"), new byte[400_000]);
        Files.write(dir.resolve("seg_00002.ts"), new byte[60_000]);
        Path playlist = Files.writeString(dir.resolve("index.m3u8"), """
                #EXTM3U
                #EXT-X-VERSION:6
                #EXT-X-TARGETDURATION:4
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXTINF:4.000000,
                seg_00000.ts
                #EXTINF:4.000000,
                seg_00001.ts
                #EXTINF:0.200000,
                seg_00002.ts
                #EXT-X-ENDLIST
                """);
        HlsPlaylists.Measured m = HlsPlaylists.measure(playlist);
        assertThat(m.segments()).isEqualTo(3);
        assertThat(m.durationSeconds()).isCloseTo(8.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.peakBandwidth()).isEqualTo(1_000_000);
        assertThat(m.averageBandwidth()).isEqualTo(Math.round(960_000 * 8 / 8.2));
        assertThat(m.firstSegment().getFileName().toString()).isEqualTo("seg_00000.ts");
    }

    @Test
    void master_listsEveryVariantWithBandwidthResolutionAndCodecs() {
        String master = dev.clipflow.media.HlsPlaylists.masterPlaylist(List.of(
                new ProducedRendition("360p", 640, 360, 1_000_000, 900_000, "avc1.4d401e,mp4a.40.2",
                        "hls/360p/index.m3u8", 1, 10)), 25);
        assertThat(master).startsWith("#EXTM3U\n").contains("#EXT-X-INDEPENDENT-SEGMENTS")
                .contains("#EXT-X-STREAM-INF:BANDWIDTH=1000000,AVERAGE-BANDWIDTH=900000,RESOLUTION=640x360,"
                        + "FRAME-RATE=25.000,CODECS=\"avc1.4d401e,mp4a.40.2\"\n360p/index.m3u8\n");
    }

    @Test
    void avc1_readsProfileConstraintsAndLevelFromTheSps() {
        byte[] ts = new byte[188 * 2];
        ts[0] = 0x47;
        ts[1] = 0x41; // payload unit start, PID 0x100
        ts[2] = 0x00;
        ts[3] = 0x10; // payload only
        byte[] payload = {0, 0, 0, 1, 0x09, (byte) 0xF0, 0, 0, 0, 1, 0x67, 0x64, 0x00, 0x1F, (byte) 0xAC};
        System.arraycopy(payload, 0, ts, 4 + 20, payload.length);
        ts[188] = 0x47;
        assertThat(SegmentCodecs.avc1(ts)).isEqualTo("avc1.64001f");
    }

    @Test
    void avc1_notTransportStream_fails() {
        assertThatThrownBy(() -> SegmentCodecs.avc1(new byte[188])).isInstanceOf(FfmpegFailedException.class);
    }

    @Test
    void binaries_preferConfiguredPaths() {
        FfmpegBinaries b = FfmpegBinaries.from(name -> name.equals("FFMPEG_PATH") ? "/x/ffmpeg" : null);
        assertThat(b.ffmpeg()).isEqualTo("/x/ffmpeg");
        assertThat(b.ffprobe()).isIn("ffprobe", "/opt/bin/ffprobe");
    }
}
