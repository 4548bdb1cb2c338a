package dev.clipflow.ffmpeg;

import dev.clipflow.media.ChunkJob;
import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.HlsSegment;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.media.ProducedRendition;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.media.Transcoder;
import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@link Transcoder} running one ffmpeg process per source or per chunk (see {@link LadderCommand}), then
 * measuring what it wrote: each media playlist's peak and average bit rate and the codecs of its first segment
 * ({@link SegmentCodecs}) go into a master playlist written here, and the sprite's WebVTT index is written from
 * the {@link ThumbnailPlan}. A chunk writes segments and thumbnail tiles only; the stitch step writes its
 * playlists.
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
    /** How far before a chunk (or its audio warm-up) the demuxer is asked to start reading. */
    static final double PRE_ROLL_SECONDS = 1.0;
    /** How much further back each retry of a chunk whose demuxer started too late seeks. */
    static final double SEEK_BACKOFF_SECONDS = 30;
    static final int SEEK_ATTEMPTS = 3;
    /**
     * Diagnostics that blame the input, first match wins. The last is ffmpeg 6+'s way of ending when the
     * decoder never produced a frame (the encoders were never opened): after a successful probe, undecodable.
     */
    private static final List<String> INPUT_ERRORS = List.of("invalid data found when processing input",
            "error while decoding", "corrupt", "invalid nal", "decode_slice_header error", "moov atom not found",
            "partial file", "end of file", "could not open encoder before eof");

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
        createFolders(out, job.ladder(), sprite.getParent());
        String input = job.source().toString();
        var spec = new LadderCommand.Spec(input, "file", 0, 0, null, job.media(), job.ladder(), out, thumbs,
                preset, poster, sprite, null, null);
        String stderr = encode(spec, input, job.timeout());
        if (!Files.exists(poster)) {
            fallbackPoster(input, "file", job.media(), 0, thumbs, poster,
                    job.timeout().minusNanos(System.nanoTime() - started));
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
                    dev.clipflow.media.HlsPlaylists.masterPlaylist(renditions, job.media().frameRate()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the playlists", e);
        }
        return new TranscodeOutput(out, "hls/master.m3u8", renditions, "poster.jpg", "thumbnails/sprite.jpg",
                "thumbnails/thumbnails.vtt");
    }

    @Override
    public ChunkOutput transcodeChunk(ChunkJob job) {
        long started = System.nanoTime();
        ChunkSpec chunk = job.chunk();
        Path out = job.outputDir();
        ThumbnailPlan thumbs = ThumbnailPlan.of(job.media(), job.ladder());
        Double end = chunk.endSeconds() == null ? null : chunk.endSeconds().doubleValue();
        Path poster = thumbs.posterIn(chunk.startSeconds(), end) ? out.resolve("poster.jpg") : null;
        Path tiles = out.resolve("tiles");
        Path work = out.resolveSibling(out.getFileName() + "-work");
        createFolders(out, job.ladder(), tiles);
        createFolders(work, List.of(), work);
        String input = input(job.source());
        String protocols = protocols(job.source());
        AudioGrid grid = AudioGrid.of(job.media().audioSampleRate(), chunk.startSeconds(), chunk.endSeconds(),
                job.media().pictureEndSeconds());
        double seek = chunk.startSeconds() == 0 ? 0
                : Math.max(0, Math.min(chunk.startSeconds(), grid.feedStartSeconds()) - PRE_ROLL_SECONDS);
        Path report = chunk.startSeconds() == 0 ? null : work.resolve("start.framecrc");
        for (int attempt = 1; ; attempt++) {
            clear(out);
            deleteReport(report);
            var spec = new LadderCommand.Spec(input, protocols, seek, chunk.startSeconds(), chunk.endSeconds(),
                    job.media(), job.ladder(), out, thumbs, preset, poster, null, tiles, report);
            boolean retry = report != null && seek > 0 && attempt < SEEK_ATTEMPTS;
            try {
                encode(spec, input, job.timeout().minusNanos(System.nanoTime() - started));
            } catch (MediaRejectedException | FfmpegFailedException e) {
                // ffmpeg 6+ fails outright when the range got no frame at all, which is also what a demuxer that
                // started after the chunk looks like: read from further back before giving up.
                if (!retry) {
                    throw e;
                }
                seek = Math.max(0, seek - SEEK_BACKOFF_SECONDS * attempt);
                continue;
            }
            if (!retry || StartReport.read(report).startedBy(chunk.startSeconds(), grid)) {
                break;
            }
            // The demuxer started after the chunk (no index, key frames far apart): read from further back.
            seek = Math.max(0, seek - SEEK_BACKOFF_SECONDS * attempt);
        }
        if (poster != null && !Files.exists(poster)) {
            fallbackPoster(input, protocols, job.media(), chunk.startSeconds(), thumbs, poster,
                    job.timeout().minusNanos(System.nanoTime() - started));
        }
        List<ChunkOutput.Rendition> renditions = new ArrayList<>();
        for (RenditionSpec r : job.ladder()) {
            renditions.add(globalSegments(out, r, chunk, job.media().hasAudio()));
        }
        if (!chunk.runsToEnd() && renditions.getFirst().segments().isEmpty()) {
            throw new MediaRejectedException(MediaRejectionReason.TRUNCATED, String.format(Locale.ROOT,
                    "the picture stops before %d s of %.1f s", chunk.startSeconds(), job.media().pictureEndSeconds()));
        }
        return new ChunkOutput(out, renditions, tileList(out, tiles), poster != null && Files.exists(poster)
                ? "poster.jpg" : null);
    }

    private String encode(LadderCommand.Spec spec, String input, Duration timeout) {
        ProcessResult result = ProcessRunner.run(LadderCommand.build(binaries.ffmpeg(), spec), positive(timeout));
        String stderr = result.stderr().replace(input, "<source>");
        if (result.exitCode() != 0) {
            throw failure(result.exitCode(), stderr);
        }
        return stderr;
    }

    private void fallbackPoster(String input, String protocols, MediaInfo media, long start, ThumbnailPlan thumbs,
                                Path poster, Duration left) {
        ProcessRunner.run(LadderCommand.firstFramePoster(binaries.ffmpeg(), input, protocols, media, start, thumbs,
                poster), positive(left));
    }

    /** Renames a chunk's segments (numbered from 0 by ffmpeg) to their global numbers, and lists them. */
    private static ChunkOutput.Rendition globalSegments(Path out, RenditionSpec spec, ChunkSpec chunk, boolean audio) {
        Path dir = out.resolve("hls").resolve(spec.name());
        Path playlist = dir.resolve(LadderCommand.PLAYLIST);
        if (!Files.exists(playlist)) {
            throw new FfmpegFailedException("ffmpeg wrote no playlist for " + spec.name(), 0);
        }
        List<HlsSegment> local = HlsPlaylists.segments(playlist);
        List<HlsSegment> global = new ArrayList<>();
        try {
            for (int i = 0; i < local.size(); i++) {
                HlsSegment s = local.get(i);
                String name = String.format(Locale.ROOT, LadderCommand.SEGMENT_PATTERN, chunk.firstSegment() + i);
                global.add(new HlsSegment(name, s.durationSeconds(), s.bytes()));
            }
            // Two passes: a later local name can equal an earlier global one.
            for (int i = 0; i < local.size(); i++) {
                Files.move(dir.resolve(local.get(i).name()), dir.resolve(global.get(i).name() + ".tmp"));
            }
            for (HlsSegment s : global) {
                Files.move(dir.resolve(s.name() + ".tmp"), dir.resolve(s.name()));
            }
            Files.delete(playlist);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rename the segments of " + spec.name(), e);
        }
        String codecs = global.isEmpty() ? null
                : SegmentCodecs.codecs(dir.resolve(global.getFirst().name()), audio && spec.audioKbps() > 0);
        return new ChunkOutput.Rendition(spec.name(), codecs, global);
    }

    private static List<ChunkOutput.Tile> tileList(Path out, Path tiles) {
        try (Stream<Path> files = Files.list(tiles)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("tile_\\d{5}\\.bmp")).sorted()
                    .map(n -> new ChunkOutput.Tile(Integer.parseInt(n.substring(5, 10)),
                            out.relativize(tiles.resolve(n)).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the thumbnail tiles", e);
        }
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
        double expected = job.media().pictureEndSeconds();
        double produced = top.durationSeconds();
        if (produced < expected * SHORTFALL_RATIO && expected - produced > SHORTFALL_SECONDS) {
            throw new MediaRejectedException(MediaRejectionReason.TRUNCATED, String.format(Locale.ROOT,
                    "the picture stops at %.1f s of %.1f s", produced, expected));
        }
    }

    static RuntimeException failure(int exitCode, String stderr) {
        if (FfprobeMediaProber.crashed(exitCode)) {
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

    private static String input(URI source) {
        return "file".equals(source.getScheme()) ? Path.of(source).toString() : source.toString();
    }

    private static String protocols(URI source) {
        return "file".equals(source.getScheme()) ? "file" : "http,tcp";
    }

    private static Duration positive(Duration d) {
        return d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d;
    }

    private static void createFolders(Path out, List<RenditionSpec> ladder, Path extra) {
        try {
            Files.createDirectories(extra);
            for (RenditionSpec r : ladder) {
                Files.createDirectories(out.resolve("hls").resolve(r.name()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output folders", e);
        }
    }

    private static void deleteReport(Path report) {
        if (report == null) {
            return;
        }
        try {
            Files.deleteIfExists(StartReport.videoFile(report));
            Files.deleteIfExists(StartReport.audioFile(report));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove an earlier start report", e);
        }
    }

    /** Empties the files (not the folders) below {@code dir}: a retried encode starts from nothing. */
    private static void clear(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }
}
