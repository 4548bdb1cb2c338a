package dev.clipflow.ffmpeg;

import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.media.ProducedRendition;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.media.Transcoder;
import dev.clipflow.pipeline.RenditionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link Transcoder} running one ffmpeg process per source (see {@link LadderCommand}), then
 * measuring what it wrote: each media playlist's peak and average bit rate and the codecs of its
 * first segment ({@link SegmentCodecs}) go into a
 * master playlist written here (ffmpeg's own {@code -master_pl_name} states configured rather than
 * measured rates), and the sprite's WebVTT index is written from the {@link ThumbnailPlan}.
 *
 * <p>Failures: a source that decodes to clearly less than its probed duration is
 * {@link MediaRejectedException} {@code TRUNCATED}; ffmpeg failing on undecodable input is
 * {@code CORRUPT}; any other non-zero exit is {@link FfmpegFailedException}; running out of time is
 * {@link FfmpegTimeoutException}. All are permanent; only storage I/O around this is transient.
 */
public final class FfmpegTranscoder implements Transcoder {
    /** x264 preset: veryfast is the usual cost/quality point for on-demand ladders. */
    public static final String DEFAULT_PRESET = "veryfast";
    static final double SHORTFALL_RATIO = 0.9;
    static final double SHORTFALL_SECONDS = 0.5;
    private static final List<String> INPUT_ERRORS = List.of("invalid data found when processing input",
            "error while decoding", "corrupt", "invalid nal", "decode_slice_header error", "moov atom not found",
            "partial file", "end of file");

    private final FfmpegBinaries binaries;
    private final String preset;

    public FfmpegTranscoder(FfmpegBinaries binaries) {
        this(binaries, DEFAULT_PRESET);
    }

    public FfmpegTranscoder(FfmpegBinaries binaries, String preset) {
        this.binaries = Objects.requireNonNull(binaries, "binaries");
        this.preset = Objects.requireNonNull(preset, "preset");
    }

    @Override
    public TranscodeOutput transcode(TranscodeJob job) {
        long started = System.nanoTime();
        Path out = job.outputDir();
        ThumbnailPlan thumbs = ThumbnailPlan.of(job.media(), job.ladder());
        Path poster = out.resolve("poster.jpg");
        Path sprite = out.resolve("thumbnails/sprite.jpg");
        Path vtt = out.resolve("thumbnails/thumbnails.vtt");
        try {
            Files.createDirectories(sprite.getParent());
            for (RenditionSpec r : job.ladder()) {
                Files.createDirectories(out.resolve("hls").resolve(r.name()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output folders", e);
        }
        ProcessResult result = ProcessRunner.run(
                LadderCommand.build(binaries.ffmpeg(), job, thumbs, preset, poster, sprite), job.timeout());
        String stderr = result.stderrTail().replace(job.source().toString(), "<source>");
        if (result.exitCode() != 0) {
            throw failure(result.exitCode(), stderr);
        }
        if (!Files.exists(poster)) {
            Duration left = job.timeout().minusNanos(System.nanoTime() - started);
            ProcessRunner.run(LadderCommand.firstFramePoster(binaries.ffmpeg(), job.source(), thumbs, poster),
                    left.isNegative() ? Duration.ofSeconds(1) : left);
        }
        if (!Files.exists(poster) || !Files.exists(sprite)) {
            throw new FfmpegFailedException("ffmpeg wrote no " + (Files.exists(poster) ? "sprite" : "poster")
                    + ": " + stderr, 0);
        }
        List<ProducedRendition> renditions = new ArrayList<>();
        for (RenditionSpec r : job.ladder()) {
            renditions.add(measure(out, r, job.media().hasAudio()));
        }
        checkDuration(job, renditions.getLast());
        try {
            Files.writeString(vtt, thumbs.webVtt(sprite.getFileName().toString()), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("hls/master.m3u8"),
                    HlsPlaylists.master(renditions, job.media().frameRate()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the playlists", e);
        }
        return new TranscodeOutput(out, "hls/master.m3u8", renditions, "poster.jpg", "thumbnails/sprite.jpg",
                "thumbnails/thumbnails.vtt");
    }

    private static ProducedRendition measure(Path out, RenditionSpec spec, boolean audio) {
        String playlist = "hls/" + spec.name() + "/" + LadderCommand.PLAYLIST;
        Path file = out.resolve(playlist);
        if (!Files.exists(file)) {
            throw new FfmpegFailedException("ffmpeg wrote no playlist for " + spec.name(), 0);
        }
        HlsPlaylists.Measured m = HlsPlaylists.measure(file);
        if (m.segments() == 0) {
            throw new MediaRejectedException(MediaRejectionReason.CORRUPT, "no frame could be decoded");
        }
        String codecs = SegmentCodecs.codecs(m.firstSegment(), audio && spec.audioKbps() > 0);
        return new ProducedRendition(spec.name(), spec.width(), spec.height(), m.peakBandwidth(),
                m.averageBandwidth(), codecs, playlist, m.bytes(), m.durationSeconds());
    }

    /** A source whose stream stops early (cut-off upload) yields less output than its header promised. */
    private static void checkDuration(TranscodeJob job, ProducedRendition top) {
        double expected = job.media().durationSeconds();
        double produced = top.durationSeconds();
        if (produced < expected * SHORTFALL_RATIO && expected - produced > SHORTFALL_SECONDS) {
            throw new MediaRejectedException(MediaRejectionReason.TRUNCATED, String.format(Locale.ROOT,
                    "the picture stops at %.1f s of %.1f s", produced, expected));
        }
    }

    static RuntimeException failure(int exitCode, String stderr) {
        if (exitCode >= FfprobeMediaProber.CRASH_EXIT_CODES) {
            return new FfmpegFailedException("ffmpeg crashed (exit " + exitCode + "): " + stderr, exitCode);
        }
        String lower = stderr.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device")) {
            return new FfmpegFailedException("ffmpeg ran out of scratch space (WORK_DIR): " + stderr, exitCode);
        }
        for (String marker : INPUT_ERRORS) {
            if (lower.contains(marker)) {
                boolean cut = marker.equals("moov atom not found") || marker.equals("partial file")
                        || marker.equals("end of file");
                return new MediaRejectedException(cut ? MediaRejectionReason.TRUNCATED : MediaRejectionReason.CORRUPT,
                        "ffmpeg: " + FfprobeMediaProber.lastLine(stderr));
            }
        }
        return new FfmpegFailedException("ffmpeg exited with " + exitCode + ": " + stderr, exitCode);
    }
}
