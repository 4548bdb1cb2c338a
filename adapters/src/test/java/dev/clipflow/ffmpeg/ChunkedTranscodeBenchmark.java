package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clipflow.media.ChunkJob;
import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.HlsTiming;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.TranscodeMode;
import dev.clipflow.pipeline.TranscodePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the benchmark behind bench/chunked-transcode.sh (runs only with -Dbench.chunked.source). On one
 * source it alternates the one-pass transcode ({@link FfmpegTranscoder#transcode}) with the chunked one at a
 * concurrency of 1 (every chunk of the default 40 s after the other with {@link FfmpegTranscoder#transcodeChunk},
 * then {@link ChunkStitcher#stitch}), bench.chunked.runs times each, the mode that goes first swapping every run.
 * It measures wall time and CPU time ({@link CpuTime}) per run and per chunk, the stitch step's local work for
 * 1, 2 and 4 hour sources, and writes {@link ChunkedTranscodeReport}'s files to bench.chunked.out.
 */
@EnabledIfSystemProperty(named = "bench.chunked.source", matches = ".+")
class ChunkedTranscodeBenchmark {
    static final double[] MODELLED_SOURCE_SECONDS = {3600, 7200, 14_400};
    private static final Duration TIMEOUT = Duration.ofHours(2);
    private static final int PROXY_REPEATS = 3;

    private final FfmpegBinaries binaries = FfmpegBinaries.fromEnvironment();
    private final FfmpegTranscoder transcoder = new FfmpegTranscoder(binaries, FfmpegTranscoder.DEFAULT_PRESET);

    /** One run of one mode: wall and CPU time, bytes of segments, and (chunked) the stitch step's wall time. */
    record Run(String mode, int run, double wallSeconds, CpuTime cpu, long bytes, double stitchSeconds) {
    }

    /** One chunk of a chunked run. */
    record Chunk(int run, int index, double sourceSeconds, double wallSeconds, CpuTime cpu, long bytes) {
    }

    /** What a chunked run leaves for the stitch measurement: its first chunk's manifest and one tile. */
    private record Sample(ChunkManifest manifest, Path tile) {
    }

    @Test
    void alternateOnePassAndChunked() throws IOException {
        Path source = Path.of(System.getProperty("bench.chunked.source"));
        Path out = Files.createDirectories(Path.of(System.getProperty("bench.chunked.out")));
        int runs = Integer.getInteger("bench.chunked.runs", 3);
        Path work = Files.createTempDirectory(out, "work");

        List<Double> probes = new ArrayList<>();
        MediaInfo media = null;
        for (int i = 0; i < PROXY_REPEATS; i++) {
            long started = System.nanoTime();
            media = new FfprobeMediaProber(binaries).probe(source);
            probes.add(seconds(started));
        }
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        assertThat(ladder).extracting(RenditionSpec::name).containsExactly("240p", "360p", "480p", "720p", "1080p");
        // The default 40 s chunks, whatever the length (ChunkPlanner.DEFAULT encodes up to 120 s in one pass).
        TranscodePlan plan = new ChunkPlanner(ChunkPlanner.DEFAULT_CHUNK_SECONDS, HlsTiming.SEGMENT_SECONDS)
                .plan(media);
        assertThat(plan.mode()).isEqualTo(TranscodeMode.CHUNKED);

        List<Run> results = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        Sample sample = null;
        for (int run = 1; run <= runs; run++) {
            TranscodeOutput one = null;
            TranscodeOutput stitched = null;
            for (boolean onePassTurn : run % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                Path dir = Files.createDirectories(work.resolve((onePassTurn ? "one-pass-" : "chunked-") + run));
                if (onePassTurn) {
                    CpuTime before = CpuTime.now();
                    long started = System.nanoTime();
                    one = transcoder.transcode(new TranscodeJob(source, media, ladder, dir.resolve("out"), TIMEOUT));
                    double wall = seconds(started);
                    long bytes = one.renditions().stream().mapToLong(r -> r.bytes()).sum();
                    results.add(new Run("one-pass", run, wall, CpuTime.now().minus(before), bytes, 0));
                } else {
                    CpuTime before = CpuTime.now();
                    long started = System.nanoTime();
                    List<ChunkManifest> manifests = new ArrayList<>();
                    for (ChunkSpec chunk : plan.chunks()) {
                        manifests.add(chunk(run, chunk, source, media, ladder, dir, chunks));
                    }
                    long stitchStarted = System.nanoTime();
                    stitched = new ChunkStitcher().stitch(media, ladder, manifests, dir.resolve("tiles"),
                            dir.resolve("out"));
                    double stitch = seconds(stitchStarted);
                    double wall = seconds(started);
                    int current = run;
                    long bytes = chunks.stream().filter(c -> c.run() == current).mapToLong(Chunk::bytes).sum();
                    results.add(new Run("chunked", run, wall, CpuTime.now().minus(before), bytes, stitch));
                    if (sample == null) {
                        Path tile = Files.copy(dir.resolve("tiles").resolve(String.format(java.util.Locale.ROOT,
                                ThumbnailPlan.TILE_FILE, 0)),
                                work.resolve("tile.bmp"));
                        sample = new Sample(manifests.getFirst(), tile);
                    }
                }
                System.out.println("bench: " + results.getLast());
                deleteTree(dir);
            }
            sameTimeline(one, stitched, media);
        }
        Map<Double, Double> stitchSeconds = new HashMap<>();
        for (double length : MODELLED_SOURCE_SECONDS) {
            stitchSeconds.put(length, StitchProxy.seconds(media, ladder, sample.manifest(), sample.tile(), length,
                    work, PROXY_REPEATS));
        }
        ChunkedTranscodeReport.write(out, media, ladder, plan, results, chunks, ChunkedTranscodeReport.median(probes),
                stitchSeconds);
        deleteTree(work);
    }

    /** Encodes one chunk, then puts its files where the chunk function's uploads would (the final keys). */
    private ChunkManifest chunk(int run, ChunkSpec chunk, Path source, MediaInfo media, List<RenditionSpec> ladder,
                                Path dir, List<Chunk> chunks) throws IOException {
        Path chunkDir = dir.resolve("chunk-" + chunk.index());
        CpuTime before = CpuTime.now();
        long started = System.nanoTime();
        ChunkOutput o = transcoder.transcodeChunk(new ChunkJob(source.toUri(), media, ladder, chunk, chunkDir,
                TIMEOUT));
        double wall = seconds(started);
        CpuTime used = CpuTime.now().minus(before);
        double end = chunk.endSeconds() == null ? media.pictureEndSeconds() : chunk.endSeconds();
        long bytes = o.renditions().stream().flatMap(r -> r.segments().stream()).mapToLong(s -> s.bytes()).sum();
        chunks.add(new Chunk(run, chunk.index(), end - chunk.startSeconds(), wall, used, bytes));

        Path out = dir.resolve("out");
        for (ChunkOutput.Rendition r : o.renditions()) {
            Path target = Files.createDirectories(out.resolve("hls").resolve(r.name()));
            for (var s : r.segments()) {
                Files.move(chunkDir.resolve("hls").resolve(r.name()).resolve(s.name()), target.resolve(s.name()));
            }
        }
        Path tiles = Files.createDirectories(dir.resolve("tiles"));
        for (ChunkOutput.Tile t : o.tiles()) {
            Files.move(chunkDir.resolve(t.path()), tiles.resolve(Path.of(t.path()).getFileName()));
        }
        if (o.poster() != null) {
            Files.move(chunkDir.resolve(o.poster()), out.resolve("poster.jpg"));
        }
        return new ChunkManifest(ChunkManifest.SCHEMA_VERSION, "bench", chunk.index(), o.renditions(),
                o.tiles().stream().map(ChunkOutput.Tile::index).toList(), o.poster() != null, null, 0);
    }

    /** Both modes must have produced the same thing: every rendition as long as the other, within a frame. */
    private static void sameTimeline(TranscodeOutput one, TranscodeOutput stitched, MediaInfo media) {
        assertThat(stitched.renditions()).hasSameSizeAs(one.renditions());
        for (int i = 0; i < one.renditions().size(); i++) {
            assertThat(stitched.renditions().get(i).durationSeconds()).as(one.renditions().get(i).name())
                    .isCloseTo(one.renditions().get(i).durationSeconds(), within(1.0 / media.frameRate() + 1e-3));
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
