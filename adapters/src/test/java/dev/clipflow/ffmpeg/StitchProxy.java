package dev.clipflow.ffmpeg;

import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.HlsSegment;
import dev.clipflow.media.HlsTiming;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stitch step's local work for a long source without encoding one, for {@link ChunkedTranscodeBenchmark}:
 * the manifests of every 40 s chunk of the source, made from one real chunk's (its segments' durations and
 * sizes repeated under the following global numbers), as JSON the way the stitch function reads them, and the
 * sprite's tiles as copies of one real tile. Timed: parsing the manifests and {@link ChunkStitcher#stitch}
 * (media playlists, master playlist, sprite, WebVTT index) on local files. Not timed: S3, which the model adds.
 */
final class StitchProxy {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StitchProxy() {
    }

    /** The median of {@code repeats} stitches of a {@code sourceSeconds} source after one to warm up, in seconds. */
    static double seconds(MediaInfo media, List<RenditionSpec> ladder, ChunkManifest sample, Path tile,
                          double sourceSeconds, Path work, int repeats) throws IOException {
        MediaInfo longer = new MediaInfo(sourceSeconds, media.width(), media.height(), media.rotation(),
                media.displayWidth(), media.displayHeight(), media.frameRate(), media.videoCodec(),
                media.audioCodec(), media.bitRate(), media.formatName(), media.audioSampleRate(), sourceSeconds);
        ThumbnailPlan thumbs = ThumbnailPlan.of(longer, ladder);
        int chunkSeconds = ChunkPlanner.DEFAULT_CHUNK_SECONDS;
        int segments = chunkSeconds / HlsTiming.SEGMENT_SECONDS;
        int chunks = (int) Math.ceil(sourceSeconds / chunkSeconds);
        Path dir = Files.createTempDirectory(work, "stitch");
        Path tiles = Files.createDirectories(dir.resolve("tiles"));
        for (int i = 0; i < thumbs.tileCount(); i++) {
            Files.copy(tile, tiles.resolve(String.format(Locale.ROOT, LadderCommand.TILE_PATTERN, i)));
        }
        List<byte[]> manifests = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            long start = (long) c * chunkSeconds;
            double end = start + chunkSeconds;
            List<ChunkOutput.Rendition> renditions = new ArrayList<>();
            for (ChunkOutput.Rendition r : sample.renditions()) {
                List<HlsSegment> list = new ArrayList<>();
                for (int k = 0; k < segments; k++) {
                    HlsSegment s = r.segments().get(k % r.segments().size());
                    list.add(new HlsSegment(String.format(Locale.ROOT, LadderCommand.SEGMENT_PATTERN,
                            c * segments + k), s.durationSeconds(), s.bytes()));
                }
                renditions.add(new ChunkOutput.Rendition(r.name(), r.codecs(), list));
            }
            List<Integer> tileIndices = IntStream.range(thumbs.firstTileFrom(start), thumbs.tilesBefore(end))
                    .boxed().toList();
            manifests.add(JSON.writeValueAsBytes(new ChunkManifest(ChunkManifest.SCHEMA_VERSION, "bench", c,
                    renditions, tileIndices, thumbs.posterIn(start, end), null, 0)));
        }
        List<Double> times = new ArrayList<>();
        for (int i = -1; i < repeats; i++) { // run -1 warms up (JIT, ImageIO) and is not counted
            long started = System.nanoTime();
            List<ChunkManifest> parsed = new ArrayList<>();
            for (byte[] m : manifests) {
                parsed.add(JSON.readValue(m, ChunkManifest.class));
            }
            new ChunkStitcher().stitch(longer, ladder, parsed, tiles, dir.resolve("out-" + i));
            if (i >= 0) {
                times.add(ChunkedTranscodeBenchmark.seconds(started));
            }
        }
        ChunkedTranscodeBenchmark.deleteTree(dir);
        return ChunkedTranscodeReport.median(times);
    }
}
