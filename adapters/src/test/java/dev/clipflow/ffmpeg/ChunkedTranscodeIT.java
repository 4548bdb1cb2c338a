package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clipflow.media.ChunkJob;
import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.ChunkSpec;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.TranscodeMode;
import dev.clipflow.pipeline.TranscodePlan;
import dev.clipflow.testing.media.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chunked transcoding (docs/adr/0008) against the one-pass encode of the same source, with real ffmpeg: the
 * chunks, stitched, must be indistinguishable from one pass for a player: the same frames at the same times in
 * every rendition, key frames at the same instants, no discontinuity, audio that joins without a gap or click.
 */
class ChunkedTranscodeIT {
    private static final TestVideos VIDEOS = TestVideos.shared();
    /** 2.5 minutes at NTSC's 29.97 fps, so chunk boundaries (every 40 s) fall between frames. */
    private static final TestVideos.Synthetic MAIN = new TestVideos.Synthetic("chunk-main.mp4", "640x360",
            "30000/1001", 150, 150, 60, false);

    private final FfmpegBinaries binaries = FfmpegBinaries.fromEnvironment();
    private final FfprobeMediaProber prober = new FfprobeMediaProber(binaries);
    private final FfmpegTranscoder transcoder = new FfmpegTranscoder(binaries, "ultrafast");

    @TempDir
    Path work;

    record Encoded(MediaInfo media, List<RenditionSpec> ladder, TranscodeOutput output, TranscodePlan plan) {
        Path playlist(int rendition) {
            return output.directory().resolve(output.renditions().get(rendition).playlist());
        }
    }

    @Test
    void chunked_isIndistinguishableFromOnePass() throws IOException {
        Path source = VIDEOS.synthetic(MAIN);
        Encoded one = onePass(source);
        Encoded chunked = chunked(source, 40);
        assertThat(chunked.plan().chunks()).hasSize(4);
        assertThat(chunked.ladder()).extracting(RenditionSpec::name).containsExactly("240p", "360p");
        List<Media.Frame> sourceFrames = Media.frames(source);

        List<Double> keyFrames = null;
        for (int r = 0; r < chunked.ladder().size(); r++) {
            List<Media.Frame> c = Media.frames(chunked.playlist(r));
            List<Media.Frame> o = Media.frames(one.playlist(r));
            assertThat(c).as("frames of %s", chunked.ladder().get(r).name()).hasSameSizeAs(sourceFrames);
            // Same frames at the same times as one pass (the TS offset aside, both have it).
            for (int i = 0; i < c.size(); i++) {
                assertThat(c.get(i).seconds()).as("frame %d", i).isCloseTo(o.get(i).seconds(), within(1e-4));
            }
            List<Double> keys = Media.keyFrames(c);
            assertThat(keys).as("key frames of %s", chunked.ladder().get(r).name())
                    .isEqualTo(Media.keyFrames(o));
            if (keyFrames != null) {
                assertThat(keys).isEqualTo(keyFrames);
            }
            keyFrames = keys;
            assertThat(Files.readString(chunked.playlist(r))).doesNotContain("DISCONTINUITY")
                    .contains("#EXT-X-ENDLIST");
            assertThat(Media.decodeErrors(chunked.playlist(r))).isEmpty();
            double frame = 1001.0 / 30000;
            double sourceLength = sourceFrames.getLast().seconds() - sourceFrames.getFirst().seconds();
            assertThat(c.getLast().seconds() - c.getFirst().seconds()).isCloseTo(sourceLength, within(frame));
            assertThat(Media.start(chunked.playlist(r), "a")).isCloseTo(Media.start(chunked.playlist(r), "v"),
                    within(frame));
        }
        // The 2 s grid holds across the chunk boundaries at 40, 80 and 120 s.
        assertThat(keyFrames).hasSize(75);

        short[] a = Media.audio(one.playlist(1));
        short[] b = Media.audio(chunked.playlist(1));
        assertThat(b.length).isEqualTo(a.length);
        for (int boundary : new int[] {40, 80, 120}) {
            assertThat(Media.roughness(b, boundary)).as("click at %d s", boundary)
                    .isLessThanOrEqualTo(Media.roughness(a, boundary) + 4)
                    .isLessThanOrEqualTo(Media.roughness(b, boundary + 7) * 2 + 4);
        }
        assertThat(Media.rmsDifference(a, b)).as("audio against one pass").isLessThan(Media.rms(a) / 100);

        double psnrOne = Media.psnr(source, one.playlist(1));
        double psnrChunked = Media.psnr(source, chunked.playlist(1));
        assertThat(psnrChunked).isCloseTo(psnrOne, within(0.5));
        assertThat(chunked.output().renditions()).allSatisfy(r -> assertThat(r.peakBandwidth()).isPositive());
        assertThat(Files.size(chunked.output().directory().resolve("thumbnails/sprite.jpg"))).isPositive();
    }

    static Stream<Arguments> awkwardSources() {
        return Stream.of(
                Arguments.of(new TestVideos.Synthetic("vfr.mp4", "320x180", "25", 30, 30, 50, true)),
                Arguments.of(new TestVideos.Synthetic("sparse-keys.ts", "320x180", "25", 45, 45, 250, false)),
                Arguments.of(new TestVideos.Synthetic("sparse-keys.mp4", "320x180", "25", 45, 45, 250, false)),
                Arguments.of(new TestVideos.Synthetic("odd-length.mp4", "320x180", "25", 21.3, 21.3, 50, false)),
                // One frame past a chunk boundary: the last chunk takes it.
                Arguments.of(new TestVideos.Synthetic("one-frame-tail.mp4", "320x180", "25", 16.04, 16.04, 50,
                        false)),
                // One second and a frame past: a last chunk of its own, of 26 frames.
                Arguments.of(new TestVideos.Synthetic("short-tail.mp4", "320x180", "25", 17.04, 17.04, 50,
                        false)),
                Arguments.of(new TestVideos.Synthetic("long-audio.mp4", "320x180", "25", 20, 23, 50, false)),
                Arguments.of(new TestVideos.Synthetic("short-audio.mp4", "320x180", "25", 20, 10, 50, false)),
                Arguments.of(new TestVideos.Synthetic("silent.mp4", "320x180", "25", 20, 0, 50, false)),
                Arguments.of(new TestVideos.Synthetic("matroska.mkv", "320x180", "25", 20, 20, 50, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardSources")
    void chunked_awkwardSource_keepsEveryFrameAndAContinuousTimeline(TestVideos.Synthetic spec) throws IOException {
        Path source = VIDEOS.synthetic(spec);
        Encoded chunked = chunked(source, 8);
        assertThat(chunked.plan().chunks().size()).isGreaterThanOrEqualTo(2);
        List<Media.Frame> sourceFrames = Media.frames(source);
        Path playlist = chunked.playlist(0);
        List<Media.Frame> frames = Media.frames(playlist);
        assertThat(frames).hasSameSizeAs(sourceFrames);
        double offset = frames.getFirst().seconds() - sourceFrames.getFirst().seconds();
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).seconds() - offset).as("frame %d", i)
                    .isCloseTo(sourceFrames.get(i).seconds(), within(1e-3));
        }
        assertThat(Files.readString(playlist)).doesNotContain("DISCONTINUITY");
        assertThat(Media.decodeErrors(playlist)).isEmpty();
        if (spec.audioSeconds() > 0) {
            // A/V offset as in the source (within a frame; the source's AAC priming is decoded as audio).
            double sourceOffset = Media.start(source, "a") - Media.start(source, "v");
            assertThat(Media.start(playlist, "a") - Media.start(playlist, "v")).isCloseTo(sourceOffset, within(0.04));
            double pictureEnd = frames.getLast().seconds() + 0.04;
            double audioEnd = Media.start(playlist, "a") + Media.audio(playlist).length / 48_000.0;
            // The audio runs to the end of the picture, padded or cut to it (within its priming and one packet).
            assertThat(audioEnd).isCloseTo(pictureEnd, within(3 * 1024 / 48_000.0));
            double audio = Media.audio(playlist).length / 48_000.0;
            assertThat(Media.audio(onePass(source).playlist(0)).length / 48_000.0).isCloseTo(audio, within(1e-9));
        } else {
            assertThat(Media.hasStream(playlist, "a")).isFalse();
        }
    }

    @Test
    void transcodeChunk_repeated_writesTheSameSegmentsWithTheSameFrames() throws IOException {
        Path source = VIDEOS.synthetic(new TestVideos.Synthetic("repeat.mp4", "320x180", "25", 20, 20, 50, false));
        MediaInfo media = prober.probe(source);
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        ChunkSpec middle = new ChunkPlanner(8, 1).plan(media).chunks().get(1);
        ChunkOutput first = transcoder.transcodeChunk(new ChunkJob(source.toUri(), media, ladder, middle,
                work.resolve("a"), Duration.ofMinutes(2)));
        ChunkOutput second = transcoder.transcodeChunk(new ChunkJob(source.toUri(), media, ladder, middle,
                work.resolve("b"), Duration.ofMinutes(2)));

        // Names, durations, tiles and frames match; the bytes may not (x264's VBV rate control with frame threads
        // is not bit-exact between runs, measured), which a player cannot tell: every segment starts with a key frame.
        assertThat(names(second)).isEqualTo(names(first));
        assertThat(second.tiles()).isEqualTo(first.tiles());
        for (ChunkOutput.Rendition r : first.renditions()) {
            assertThat(r.segments()).extracting(s -> s.name()).startsWith("seg_00002.ts");
            for (var s : r.segments()) {
                Path rel = Path.of("hls", r.name(), s.name());
                assertThat(Media.frames(work.resolve("b").resolve(rel)))
                        .isEqualTo(Media.frames(work.resolve("a").resolve(rel)));
            }
        }
    }

    /** Each rendition's segments as name and duration. */
    static List<String> names(ChunkOutput output) {
        return output.renditions().stream().flatMap(r -> r.segments().stream().map(s -> r.name() + "/" + s.name()
                + "=" + s.durationSeconds())).toList();
    }

    private Encoded onePass(Path source) {
        MediaInfo media = prober.probe(source);
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        Path out = work.resolve("one-pass-" + source.getFileName());
        TranscodeOutput output = transcoder.transcode(new TranscodeJob(source, media, ladder, out,
                Duration.ofMinutes(5)));
        return new Encoded(media, ladder, output, TranscodePlan.onePass(4));
    }

    /** The chunks one after the other (as a Map with a concurrency of 1 would), then the stitch step. */
    private Encoded chunked(Path source, int chunkSeconds) throws IOException {
        MediaInfo media = prober.probe(source);
        List<RenditionSpec> ladder = new LadderPlanner().plan(media);
        TranscodePlan plan = new ChunkPlanner(chunkSeconds, 1).plan(media);
        assertThat(plan.mode()).isEqualTo(TranscodeMode.CHUNKED);
        Path out = work.resolve("chunked-" + source.getFileName());
        Path tiles = Files.createDirectories(work.resolve("tiles-" + source.getFileName()));
        List<ChunkManifest> manifests = new ArrayList<>();
        for (ChunkSpec chunk : plan.chunks()) {
            Path dir = work.resolve("chunk-" + source.getFileName() + "-" + chunk.index());
            ChunkOutput o = transcoder.transcodeChunk(new ChunkJob(source.toUri(), media, ladder, chunk, dir,
                    Duration.ofMinutes(2)));
            for (ChunkOutput.Rendition r : o.renditions()) {
                Path target = Files.createDirectories(out.resolve("hls").resolve(r.name()));
                for (var s : r.segments()) {
                    Files.copy(dir.resolve("hls").resolve(r.name()).resolve(s.name()), target.resolve(s.name()));
                }
            }
            for (ChunkOutput.Tile t : o.tiles()) {
                Files.copy(dir.resolve(t.path()), tiles.resolve(Path.of(t.path()).getFileName()));
            }
            if (o.poster() != null) {
                Files.copy(dir.resolve(o.poster()), out.resolve("poster.jpg"));
            }
            manifests.add(new ChunkManifest(ChunkManifest.SCHEMA_VERSION, "v", chunk.index(), o.renditions(),
                    o.tiles().stream().map(ChunkOutput.Tile::index).toList(), o.poster() != null, null, 0));
        }
        TranscodeOutput output = new ChunkStitcher().stitch(media, ladder, manifests, tiles, out);
        return new Encoded(media, ladder, output, plan);
    }
}
