package dev.clipflow.stitch;

import dev.clipflow.aws.s3.OutputUploader;
import dev.clipflow.catalog.events.PipelineStage;
import dev.clipflow.catalog.events.StageProgress;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.ffmpeg.ChunkStitcher;
import dev.clipflow.ffmpeg.ChunksIncompleteException;
import dev.clipflow.ffmpeg.ScratchDirectory;
import dev.clipflow.media.HlsSegment;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.pipeline.TranscodeMode;
import dev.clipflow.pipeline.TranscodePlan;
import dev.clipflow.pipeline.TranscodeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code stitch} function, the chunked path's last media step (docs/adr/0008): reads every chunk's manifest,
 * writes each rendition's media playlist from the chunks' segments, the master playlist with measured bit rates,
 * the thumbnail sprite from the chunks' tiles and its WebVTT index, removes the chunks' work files, and answers
 * what the one-pass transcode answers ({@link TranscodeResult}), so the publish step cannot tell the paths apart.
 * The usage it reports is the whole chunked transcode's: every chunk's compute (retried attempts counted as
 * invocations), the chunks' child-execution state transitions, their S3 requests, and its own.
 */
public final class Stitch implements Function<StitchInput, TranscodeResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Stitch.class);
    /** Manifests written before a field existed read it as 0 (the previous schema's readers' rule). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    static final int PARALLEL_READS = 16;
    /** Each chunk's child execution enters one state ("Transcode one chunk"), plus one per retry. */
    static final int STATES_PER_CHUNK = 1;

    private final ObjectStore store;
    private final String mediaBucket;
    private final String workDir;
    private final int memoryMb;
    private final StageProgress progress;

    public Stitch(ObjectStore store, String mediaBucket, String workDir, int memoryMb) {
        this(store, mediaBucket, workDir, memoryMb, StageProgress.NONE);
    }

    /** @param progress records the {@code stitch} stage's start and finish on the video and publishes them */
    public Stitch(ObjectStore store, String mediaBucket, String workDir, int memoryMb, StageProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.store = Objects.requireNonNull(store, "store");
        this.mediaBucket = Objects.requireNonNull(mediaBucket, "mediaBucket");
        this.workDir = workDir;
        this.memoryMb = memoryMb;
    }

    @Override
    public TranscodeResult apply(StitchInput input) {
        return apply(input, memoryMb);
    }

    public TranscodeResult apply(StitchInput input, int invocationMemoryMb) {
        long started = System.nanoTime();
        TranscodePlan plan = validate(input);
        String videoId = input.videoId();
        MDC.put("videoId", videoId);
        if (input.executionName() != null) {
            MDC.put("executionName", input.executionName());
        }
        progress.started(videoId, PipelineStage.STITCH);
        try (ScratchDirectory scratch = ScratchDirectory.create(workDir, videoId + "-stitch")) {
            Path tiles = Files.createDirectories(scratch.path().resolve("tiles"));
            Path out = Files.createDirectories(scratch.path().resolve("out"));
            boolean restricted = PipelineInput.restricted(input.visibility());
            List<ChunkManifest> manifests = readAll(videoId, restricted, plan.chunkCount(), scratch.path());
            int tileCount = downloadTiles(videoId, restricted, manifests, tiles);
            TranscodeOutput output = new ChunkStitcher().stitch(input.probe().media(), input.probe().ladder(),
                    manifests, tiles, out);
            String prefix = MediaKeys.outputPrefix(videoId, restricted);
            long posterBytes = store.head(mediaBucket, MediaKeys.poster(videoId, restricted))
                    .orElseThrow(() -> new ChunksIncompleteException("The poster a chunk reported is not stored"))
                    .size();
            OutputUploader.Uploaded uploaded = new OutputUploader(store).upload(out, mediaBucket, prefix);
            int removed = store.deletePrefix(mediaBucket, MediaKeys.chunksPrefix(videoId, restricted));
            long segmentBytes = manifests.stream().flatMap(m -> m.renditions().stream())
                    .flatMap(r -> r.segments().stream()).mapToLong(HlsSegment::bytes).sum();
            long bytes = segmentBytes + posterBytes + uploaded.bytes();
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            StageUsage usage = usage(manifests, invocationMemoryMb, millis, bytes,
                    uploaded.objects(), manifests.size() + tileCount + 1);
            List<Rendition> renditions = output.renditions().stream().map(r -> new Rendition(r.name(), r.width(),
                    r.height(), r.peakBandwidth(), prefix + r.playlist(), r.bytes())).toList();
            LOG.info("Stitched {} chunks into {} renditions in {} ms; removed {} work files", manifests.size(),
                    renditions.size(), millis, removed);
            TranscodeResult result = new TranscodeResult(prefix + output.masterPlaylist(), prefix + output.poster(),
                    prefix + output.sprite(), prefix + output.spriteIndex(), renditions, bytes, usage);
            progress.finished(videoId, PipelineStage.STITCH);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the stitch step's scratch folder", e);
        } finally {
            MDC.remove("videoId");
            MDC.remove("executionName");
        }
    }

    /**
     * The chunked transcode's usage as one stage: the chunks' compute at their memory size plus this step's,
     * converted to the same memory size (the cost is the same GB-seconds), invocations including retried attempts,
     * state transitions of the chunks' child executions, and every S3 request.
     */
    static StageUsage usage(List<ChunkManifest> manifests, int stitchMemoryMb, long stitchMillis, long bytesStored,
                            long stitchPuts, long stitchGets) {
        int memory = manifests.stream().map(ChunkManifest::usage).filter(Objects::nonNull)
                .mapToInt(StageUsage::memoryMb).max().orElse(stitchMemoryMb);
        long millis = Math.round((double) stitchMillis * stitchMemoryMb / memory);
        int invocations = 1;
        int transitions = 0;
        long puts = stitchPuts;
        long gets = stitchGets;
        for (ChunkManifest m : manifests) {
            invocations += 1 + m.attempt();
            transitions += STATES_PER_CHUNK + m.attempt();
            if (m.usage() != null) {
                millis += Math.round((double) m.usage().durationMillis() * m.usage().memoryMb() / memory);
                puts += m.usage().s3Puts();
                gets += m.usage().s3Gets();
            }
        }
        return new StageUsage("transcode", invocations, millis, memory, transitions, bytesStored, puts, gets);
    }

    private List<ChunkManifest> readAll(String videoId, boolean restricted, int count, Path dir) {
        List<Callable<ChunkManifest>> reads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            reads.add(() -> read(videoId, restricted, index, dir));
        }
        return inParallel(reads);
    }

    /** Runs the calls {@value #PARALLEL_READS} at a time; the first failure is thrown as it was. */
    private static <T> List<T> inParallel(List<Callable<T>> calls) {
        Semaphore slots = new Semaphore(PARALLEL_READS);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<T> call : calls) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return call.call();
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the chunks' files", e);
        }
    }

    private ChunkManifest read(String videoId, boolean restricted, int index, Path dir) throws IOException {
        String key = MediaKeys.chunkManifest(videoId, restricted, index);
        if (store.head(mediaBucket, key).isEmpty()) {
            throw new ChunksIncompleteException("Chunk " + index + " wrote no manifest (" + key + ")");
        }
        Path file = dir.resolve("manifest-" + index + ".json");
        store.download(mediaBucket, key, file);
        try {
            ChunkManifest manifest = JSON.readValue(Files.readString(file), ChunkManifest.class);
            if (!videoId.equals(manifest.videoId()) || manifest.index() != index) {
                throw new ChunksIncompleteException("The manifest at " + key + " is another chunk's");
            }
            return manifest;
        } catch (JacksonException e) {
            throw new ChunksIncompleteException("The manifest at " + key + " cannot be read: "
                    + e.getOriginalMessage());
        }
    }

    private int downloadTiles(String videoId, boolean restricted, List<ChunkManifest> manifests, Path tiles) {
        List<Callable<Void>> downloads = new ArrayList<>();
        for (ChunkManifest m : manifests) {
            for (int tile : m.tiles()) {
                downloads.add(() -> {
                    store.download(mediaBucket, MediaKeys.chunkTile(videoId, restricted, tile),
                            tiles.resolve(String.format(Locale.ROOT, ThumbnailPlan.TILE_FILE, tile)));
                    return null;
                });
            }
        }
        inParallel(downloads);
        return downloads.size();
    }

    private static TranscodePlan validate(StitchInput input) {
        if (input == null || !MediaKeys.isValidId(input.videoId()) || input.probe() == null
                || input.probe().media() == null || input.probe().ladder().isEmpty() || input.probe().plan() == null
                || input.probe().plan().mode() != TranscodeMode.CHUNKED) {
            throw new StitchInputMalformedException(
                    "The stitch input needs a valid videoId and the probe result with its ladder and chunked plan");
        }
        return input.probe().plan();
    }
}
