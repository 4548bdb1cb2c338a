package dev.clipflow.ffmpeg;

import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.pipeline.RenditionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one ffmpeg invocation of a transcode: the source is decoded once, {@code split} feeds one
 * scaler per rendition plus the poster and sprite branches, and each rendition is its own HLS VOD
 * output (libx264 + AAC, key frames every {@link #KEYFRAME_SECONDS} s at the same times in every
 * rendition, segments of about {@link #SEGMENT_SECONDS} s, independent segments).
 *
 * <p>Rotation: ffmpeg rotates decoded frames upright before the filter graph (autorotate is on by
 * default), so the graph works in display orientation and scales straight to the planned size.
 */
final class LadderCommand {
    static final int SEGMENT_SECONDS = 4;
    static final int KEYFRAME_SECONDS = 2;
    static final String SEGMENT_PATTERN = "seg_%05d.ts";
    static final String PLAYLIST = "index.m3u8";

    private LadderCommand() {
    }

    static List<String> build(String ffmpeg, TranscodeJob job, ThumbnailPlan thumbs, String preset,
                              Path poster, Path sprite) {
        List<RenditionSpec> ladder = job.ladder();
        int n = ladder.size();
        StringBuilder graph = new StringBuilder("[0:v]split=").append(n + 2);
        for (int i = 0; i < n; i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("[sp][st]");
        for (int i = 0; i < n; i++) {
            RenditionSpec r = ladder.get(i);
            graph.append(";[s").append(i).append("]scale=").append(r.width()).append(':').append(r.height())
                    .append(",setsar=1,format=yuv420p[v").append(i).append(']');
        }
        graph.append(";[sp]select='gte(t\\,").append(fmt(thumbs.posterSeconds())).append(")',scale=")
                .append(thumbs.posterWidth()).append(':').append(thumbs.posterHeight()).append(",setsar=1[poster]");
        graph.append(";[st]select='gte(t\\,selected_n*").append(thumbs.intervalSeconds()).append(")',scale=")
                .append(thumbs.tileWidth()).append(':').append(thumbs.tileHeight()).append(",setsar=1,tile=")
                .append(thumbs.columns()).append('x').append(thumbs.rows()).append("[sprite]");

        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats",
                "-loglevel", "error", "-y", "-i", job.source().toString(),
                "-filter_complex", graph.toString()));
        boolean audio = job.media().hasAudio();
        for (int i = 0; i < n; i++) {
            RenditionSpec r = ladder.get(i);
            Path dir = job.outputDir().resolve("hls").resolve(r.name());
            cmd.addAll(List.of("-map", "[v" + i + "]"));
            if (audio && r.audioKbps() > 0) {
                cmd.addAll(List.of("-map", "0:a:0", "-c:a", "aac", "-b:a", r.audioKbps() + "k", "-ac", "2"));
            }
            cmd.addAll(List.of("-c:v", "libx264", "-preset", preset,
                    "-profile:v", Math.min(r.width(), r.height()) <= 480 ? "main" : "high",
                    "-b:v", r.videoKbps() + "k", "-maxrate", (r.videoKbps() * 11 / 10) + "k",
                    "-bufsize", (r.videoKbps() * 2) + "k",
                    "-force_key_frames", "expr:gte(t,n_forced*" + KEYFRAME_SECONDS + ")", "-sc_threshold", "0",
                    "-max_muxing_queue_size", "4096",
                    "-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                    "-hls_flags", "independent_segments", "-hls_segment_type", "mpegts",
                    "-hls_segment_filename", dir.resolve(SEGMENT_PATTERN).toString(),
                    dir.resolve(PLAYLIST).toString()));
        }
        cmd.addAll(List.of("-map", "[poster]", "-frames:v", "1", "-q:v", "3", "-update", "1", poster.toString()));
        cmd.addAll(List.of("-map", "[sprite]", "-frames:v", "1", "-q:v", "5", "-update", "1", sprite.toString()));
        return cmd;
    }

    /** A fallback poster: the first frame. */
    static List<String> firstFramePoster(String ffmpeg, Path source, ThumbnailPlan thumbs, Path poster) {
        return List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-y",
                "-i", source.toString(), "-frames:v", "1",
                "-vf", "scale=" + thumbs.posterWidth() + ":" + thumbs.posterHeight() + ",setsar=1",
                "-q:v", "3", "-update", "1", poster.toString());
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
