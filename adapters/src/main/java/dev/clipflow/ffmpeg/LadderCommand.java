package dev.clipflow.ffmpeg;

import dev.clipflow.media.HlsTiming;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ffmpeg invocation that encodes the ladder for a time range of the source: the whole source (one pass,
 * docs/adr/0004) or one chunk (docs/adr/0008). Either way the source is decoded once; {@code split} feeds one
 * scaler per rendition plus the thumbnail branches, and each rendition is its own HLS VOD output (libx264 +
 * AAC, key frames every {@link HlsTiming#KEYFRAME_SECONDS} s at the same instants in every rendition, segments
 * of {@link HlsTiming#SEGMENT_SECONDS} s, independent segments).
 *
 * <p>Timestamps: {@code -copyts -start_at_zero} keeps the source's own timeline (zero = its earliest stream),
 * so a chunk's frames and audio carry the same times as in a one-pass encode and consecutive chunks join
 * without a discontinuity; negative-timestamp shifting is off in the HLS muxer and its MPEG-TS segments for
 * the same reason. Frames are passed through (no duplication or dropping, variable frame rates kept); a range
 * {@code [start, end)} takes exactly the frames whose time lies in it ({@code trim} on whole seconds). Audio
 * follows {@link AudioGrid}. Key frames are forced at absolute instants every 2 s ({@link #keyFrames}), so every
 * rendition of every chunk has them where a one-pass encode has them.
 *
 * <p>Input hardening: only the named protocols are allowed (the local file, or the loopback range server),
 * the demuxer is forced to the probed container's, so no reference inside the file is ever followed.
 *
 * <p>Rotation: ffmpeg rotates decoded frames upright before the filter graph (autorotate is on by
 * default), so the graph works in display orientation and scales straight to the planned size.
 */
final class LadderCommand {
    static final int SEGMENT_SECONDS = HlsTiming.SEGMENT_SECONDS;
    static final int KEYFRAME_SECONDS = HlsTiming.KEYFRAME_SECONDS;
    static final String SEGMENT_PATTERN = "seg_%05d.ts";
    static final String PLAYLIST = "index.m3u8";
    static final String TILE_PATTERN = ThumbnailPlan.TILE_FILE;
    /** How far past the probed end of an open range key frames are still listed (the probe can be short). */
    static final int KEYFRAME_MARGIN_SECONDS = 60;
    /**
     * HDR (PQ, HLG) or wide-gamut (BT.2020) pictures become 8-bit BT.709 SDR, once, before the ladder's scalers:
     * swscale converts the transfer and the primaries through linear light (FFmpeg 8's {@code scale} colour
     * options; the layer's static build has no zscale). docs/adr/0011.
     */
    static final String TO_SDR = "scale=out_color_matrix=bt709:out_primaries=bt709:out_transfer=bt709:out_range=tv"
            + ",format=yuv420p";
    /** The colour description every rendition of a converted source declares. */
    static final List<String> SDR_TAGS = List.of("-color_primaries", "bt709", "-color_trc", "bt709",
            "-colorspace", "bt709", "-color_range", "tv");

    private LadderCommand() {
    }

    /**
     * What to encode.
     *
     * @param input       a local path or a loopback URL
     * @param protocols   ffmpeg's {@code -protocol_whitelist} for the input
     * @param seekSeconds where the demuxer starts reading (at or before the range, 0 = the beginning)
     * @param endSeconds  null: to the end of the source
     * @param poster      where to write the poster, null when the range does not hold it
     * @param sprite      one pass: where to write the whole sprite; null for a chunk
     * @param tilesDir    a chunk: where to write its tiles ({@link #TILE_PATTERN}, global indices); null in one pass
     * @param startReport a chunk that does not start at 0: where ffmpeg reports the first decoded frame and audio
     *                    sample ({@code framecrc}, see {@link StartReport}), to check the demuxer started early
     *                    enough; else null
     */
    record Spec(String input, String protocols, double seekSeconds, long startSeconds, Long endSeconds,
                MediaInfo media, List<RenditionSpec> ladder, Path outputDir, ThumbnailPlan thumbs, String preset,
                Path poster, Path sprite, Path tilesDir, Path startReport) {
    }

    static List<String> build(String ffmpeg, Spec s) {
        List<RenditionSpec> ladder = s.ladder();
        int n = ladder.size();
        boolean audio = s.media().hasAudio() && ladder.stream().anyMatch(r -> r.audioKbps() > 0);
        AudioGrid grid = AudioGrid.of(s.media().audioSampleRate(), s.startSeconds(), s.endSeconds(),
                s.media().pictureEndSeconds());
        int firstTile = s.thumbs().firstTileFrom(s.startSeconds());
        int tiles = s.tilesDir() == null ? 0 : s.thumbs().tilesBefore(toDouble(s.endSeconds())) - firstTile;

        StringBuilder g = new StringBuilder();
        String video = "[0:v:0]";
        if (s.startReport() != null) {
            g.append("[0:v:0]split=2[vin][vfirst];[vfirst]trim=end_frame=1[fv];");
            video = "[vin]";
        }
        g.append(video);
        if (s.startSeconds() > 0 || s.endSeconds() != null) {
            g.append("trim=start=").append(s.startSeconds());
            if (s.endSeconds() != null) {
                g.append(":end=").append(s.endSeconds());
            }
            g.append(',');
        }
        if (s.media().needsSdrConversion()) {
            g.append(TO_SDR).append(',');
        }
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            branches.add("s" + i);
        }
        if (s.poster() != null) {
            branches.add("sp");
        }
        if (s.sprite() != null || tiles > 0) {
            branches.add("st");
        }
        g.append("split=").append(branches.size());
        branches.forEach(b -> g.append('[').append(b).append(']'));
        for (int i = 0; i < n; i++) {
            RenditionSpec r = ladder.get(i);
            g.append(";[s").append(i).append("]scale=").append(r.width()).append(':').append(r.height())
                    .append(",setsar=1,format=yuv420p[v").append(i).append(']');
        }
        ThumbnailPlan thumbs = s.thumbs();
        if (s.poster() != null) {
            g.append(";[sp]select='gte(t\\,").append(fmt(thumbs.posterSeconds())).append(")',scale=")
                    .append(thumbs.posterWidth()).append(':').append(thumbs.posterHeight()).append(",setsar=1[poster]");
        }
        if (s.sprite() != null) {
            g.append(";[st]select='gte(t\\,selected_n*").append(thumbs.intervalSeconds()).append(")',scale=")
                    .append(thumbs.tileWidth()).append(':').append(thumbs.tileHeight()).append(",setsar=1,tile=")
                    .append(thumbs.columns()).append('x').append(thumbs.rows()).append("[sprite]");
        } else if (tiles > 0) {
            g.append(";[st]select='gte(t\\,").append((long) firstTile * thumbs.intervalSeconds())
                    .append("+selected_n*").append(thumbs.intervalSeconds()).append(")',scale=")
                    .append(thumbs.tileWidth()).append(':').append(thumbs.tileHeight()).append(",setsar=1[tiles]");
        }
        List<Integer> withAudio = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (audio && ladder.get(i).audioKbps() > 0) {
                withAudio.add(i);
            }
        }
        if (!withAudio.isEmpty()) {
            g.append(";[0:a:0]");
            if (s.startReport() != null) {
                g.append("asplit=2[ain][afirst];[afirst]atrim=end_sample=1[fa];[ain]");
            }
            g.append(grid.filter()).append(",asplit=").append(withAudio.size());
            withAudio.forEach(i -> g.append("[a").append(i).append(']'));
        }

        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats",
                "-loglevel", "error", "-y", "-protocol_whitelist", s.protocols(), "-copyts", "-start_at_zero"));
        if (s.seekSeconds() > 0) {
            cmd.addAll(List.of("-noaccurate_seek", "-ss", fmt(s.seekSeconds())));
        }
        if (s.protocols().startsWith("http")) {
            // The loopback source server answers in windows; ffmpeg continues where each one ends.
            cmd.addAll(List.of("-reconnect", "1"));
        }
        String demuxer = demuxer(s.media().formatName());
        if (demuxer != null) {
            cmd.addAll(List.of("-f", demuxer));
        }
        cmd.addAll(List.of("-i", s.input(), "-filter_complex", g.toString()));
        String drop = grid.dropExpression();
        for (int i = 0; i < n; i++) {
            RenditionSpec r = ladder.get(i);
            Path dir = s.outputDir().resolve("hls").resolve(r.name());
            cmd.addAll(List.of("-map", "[v" + i + "]"));
            if (withAudio.contains(i)) {
                cmd.addAll(List.of("-map", "[a" + i + "]", "-c:a", "aac", "-b:a", r.audioKbps() + "k", "-ac", "2"));
                if (drop != null) {
                    cmd.addAll(List.of("-bsf:a", "noise=drop=" + drop));
                }
            }
            if (s.media().needsSdrConversion()) {
                cmd.addAll(SDR_TAGS);
            }
            cmd.addAll(List.of("-c:v", "libx264", "-enc_time_base:v", "1:90000", "-preset", s.preset(),
                    "-profile:v", Math.min(r.width(), r.height()) <= 480 ? "main" : "high",
                    "-b:v", r.videoKbps() + "k", "-maxrate", (r.videoKbps() * 11 / 10) + "k",
                    "-bufsize", (r.videoKbps() * 2) + "k",
                    "-force_key_frames", keyFrames(s), "-sc_threshold", "0",
                    "-fps_mode", "passthrough", "-max_muxing_queue_size", "4096",
                    "-avoid_negative_ts", "disabled",
                    "-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                    "-hls_flags", "independent_segments", "-hls_segment_type", "mpegts",
                    "-hls_segment_options", "avoid_negative_ts=disabled",
                    "-hls_segment_filename", dir.resolve(SEGMENT_PATTERN).toString(),
                    dir.resolve(PLAYLIST).toString()));
        }
        if (s.poster() != null) {
            cmd.addAll(List.of("-map", "[poster]", "-frames:v", "1", "-q:v", "3", "-update", "1",
                    s.poster().toString()));
        }
        if (s.sprite() != null) {
            cmd.addAll(List.of("-map", "[sprite]", "-frames:v", "1", "-q:v", "5", "-update", "1",
                    s.sprite().toString()));
        } else if (tiles > 0) {
            cmd.addAll(List.of("-map", "[tiles]", "-frames:v", String.valueOf(tiles), "-fps_mode", "passthrough",
                    "-f", "image2", "-start_number", String.valueOf(firstTile),
                    s.tilesDir().resolve(TILE_PATTERN).toString()));
        }
        if (s.startReport() != null) {
            // Each branch ends after its first frame, or the encode would read the source to its end. One output per
            // stream: in one output, ffmpeg 6+ ends every stream with the shortest and would drop the other's frame.
            cmd.addAll(List.of("-map", "[fv]", "-frames:v", "1", "-c:v", "rawvideo", "-fps_mode", "passthrough",
                    "-f", "framecrc", StartReport.videoFile(s.startReport()).toString()));
            if (!withAudio.isEmpty()) {
                cmd.addAll(List.of("-map", "[fa]", "-frames:a", "1", "-c:a", "pcm_s16le", "-f", "framecrc",
                        StartReport.audioFile(s.startReport()).toString()));
            }
        }
        return cmd;
    }

    /**
     * The key-frame instants of the range, absolute on the output timeline (ffmpeg's expression form counts from
     * the range's first frame, which would move the grid for a chunk whose first frame is not on a boundary).
     * An open range lists them to {@link #KEYFRAME_MARGIN_SECONDS} past the probed picture end.
     */
    static String keyFrames(Spec s) {
        long first = (s.startSeconds() + KEYFRAME_SECONDS - 1) / KEYFRAME_SECONDS * KEYFRAME_SECONDS;
        long end = s.endSeconds() != null ? s.endSeconds()
                : (long) Math.ceil(s.media().pictureEndSeconds()) + KEYFRAME_MARGIN_SECONDS;
        StringBuilder times = new StringBuilder();
        for (long t = first; t < end; t += KEYFRAME_SECONDS) {
            times.append(times.isEmpty() ? "" : ",").append(t);
        }
        return times.isEmpty() ? String.valueOf(first) : times.toString();
    }

    /** A fallback poster: the first frame at or after {@code startSeconds}. */
    static List<String> firstFramePoster(String ffmpeg, String input, String protocols, MediaInfo media,
                                         long startSeconds, ThumbnailPlan thumbs, Path poster) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-loglevel",
                "error", "-y", "-protocol_whitelist", protocols, "-copyts", "-start_at_zero"));
        if (startSeconds > 0) {
            cmd.addAll(List.of("-ss", String.valueOf(startSeconds)));
        }
        String demuxer = demuxer(media.formatName());
        if (demuxer != null) {
            cmd.addAll(List.of("-f", demuxer));
        }
        cmd.addAll(List.of("-i", input, "-frames:v", "1",
                "-vf", (media.needsSdrConversion() ? TO_SDR + "," : "") + "scale=" + thumbs.posterWidth() + ":"
                        + thumbs.posterHeight() + ",setsar=1",
                "-q:v", "3", "-update", "1", poster.toString()));
        return cmd;
    }

    /** The demuxer that read the source when it was probed: the first name of ffprobe's {@code format_name}. */
    static String demuxer(String formatName) {
        if (formatName == null || formatName.isBlank()) {
            return null;
        }
        String first = formatName.split(",")[0].strip();
        return first.matches("[a-z0-9_]+") ? first : null;
    }

    private static Double toDouble(Long value) {
        return value == null ? null : value.doubleValue();
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
