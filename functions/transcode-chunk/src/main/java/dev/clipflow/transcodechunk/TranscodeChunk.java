package dev.clipflow.transcodechunk;

import dev.clipflow.aws.s3.OutputUploader;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.events.StageProgress;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.ffmpeg.ScratchDirectory;
import dev.clipflow.ffmpeg.SourceServer;
import dev.clipflow.media.ChunkJob;
import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.HlsSegment;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.media.Transcoder;
import dev.clipflow.media.UploadReserve;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.TransientStageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code transcodeChunk} function, one iteration of the chunked path's Map (docs/adr/0008): encodes every
 * rendition of one chunk's time range, reading only the parts of the source it needs through a loopback
 * {@link SourceServer} (ranged reads, no full copy), writes the segments where the published video has them
 * ({@code videos/{id}/hls/<rendition>/seg_NNNNN.ts}, global numbers), its thumbnail tiles and, if it holds
 * the poster instant, the poster, then its manifest ({@link MediaKeys#chunkManifest}) for the stitch step.
 *
 * <p>Idempotent: the same chunk writes the same keys with the same frames at the same times (x264's bytes may
 * differ between runs; each segment starts with a key frame, so any mix of two runs plays), so a retried or
 * duplicated iteration is harmless. Consistent with the compensation step: after writing, it reads the video's status
 * (a strongly
 * consistent read); if the video is no longer PROCESSING (the cleanup step set it FAILED before deleting the
 * outputs), it deletes what it wrote and fails, so no object outlives a failed video. A chunk that finished counts
 * itself on the video record and publishes {@code Stage Progress} ({@link StageProgress#chunkDone}: once per chunk,
 * a retried chunk is not counted twice). Storage failures are
 * transient; bad media, encoder failures and timeouts are permanent.
 */
public final class TranscodeChunk implements Function<TranscodeChunkInput, TranscodeChunkResult> {
    private static final Logger LOG = LoggerFactory.getLogger(TranscodeChunk.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Time kept back from the encoder for uploading and answering. */
    static final UploadReserve RESERVE = new UploadReserve(Duration.ofSeconds(60));

    private final ObjectStore store;
    private final VideoRepository videos;
    private final Transcoder transcoder;
    private final String mediaBucket;
    private final String workDir;
    private final int memoryMb;
    private final Duration budget;
    private final StageProgress progress;

    public TranscodeChunk(ObjectStore store, VideoRepository videos, Transcoder transcoder, String mediaBucket,
                          String workDir, int memoryMb, Duration budget, StageProgress progress) {
        this.store = Objects.requireNonNull(store, "store");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.transcoder = Objects.requireNonNull(transcoder, "transcoder");
        this.mediaBucket = Objects.requireNonNull(mediaBucket, "mediaBucket");
        this.workDir = workDir;
        this.memoryMb = memoryMb;
        this.budget = Objects.requireNonNull(budget, "budget");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    public TranscodeChunkResult apply(TranscodeChunkInput input) {
        return apply(input, memoryMb, budget);
    }

    /** Encodes within {@code timeLeft} (Lambda's remaining time), recording {@code invocationMemoryMb}. */
    public TranscodeChunkResult apply(TranscodeChunkInput input, int invocationMemoryMb, Duration timeLeft) {
        long started = System.nanoTime();
        validate(input);
        String videoId = input.videoId();
        MDC.put("videoId", videoId);
        MDC.put("chunk", String.valueOf(input.chunk().index()));
        if (input.executionName() != null) {
            MDC.put("executionName", input.executionName());
        }
        if (store.head(input.source().bucket(), input.source().key()).isEmpty()) {
            throw new ChunkSourceMissingException("The uploaded object of video " + videoId + " no longer exists");
        }
        try (ScratchDirectory scratch = ScratchDirectory.create(workDir, videoId + "-" + input.chunk().index());
             SourceServer source = SourceServer.start(store, input.source().bucket(), input.source().key(),
                     input.source().size())) {
            Path out = Files.createDirectories(scratch.path().resolve("out"));
            ChunkOutput output;
            try {
                Duration encoder = RESERVE.encoderBudget(timeLeft, Duration.ofNanos(System.nanoTime() - started));
                output = transcoder.transcodeChunk(new ChunkJob(source.uri(), input.media(), input.ladder(),
                        input.chunk(), out, encoder));
            } catch (RuntimeException e) {
                if (source.failure() instanceof TransientStageException storage) {
                    // ffmpeg only saw an I/O error; the cause was reading the source: retry the chunk.
                    throw storage;
                }
                throw e;
            }
            long encoded = System.nanoTime();
            // The video's visibility decides the prefix (MediaKeys.outputPrefix). Read from the catalog (the chunk
            // reads the record anyway, below): the Map's ItemSelector cannot carry a field older inputs lack. It
            // cannot change while the video is PROCESSING.
            boolean restricted = videos.find(videoId).map(v -> v.visibility().isRestricted()).orElse(false);
            Map<Path, String> keys = keys(videoId, restricted, output);
            OutputUploader.Uploaded uploaded = new OutputUploader(store).upload(keys, mediaBucket,
                    RESERVE.uploadBudget(timeLeft, Duration.ofNanos(encoded - started)));
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            int attempt = input.attempt() == null ? 0 : input.attempt();
            StageUsage usage = new StageUsage("transcode", 1, millis, invocationMemoryMb, 0, uploaded.bytes(),
                    uploaded.objects() + 1L, source.reads() + 1L);
            ChunkManifest manifest = new ChunkManifest(ChunkManifest.SCHEMA_VERSION, videoId, input.chunk().index(),
                    output.renditions(), output.tiles().stream().map(ChunkOutput.Tile::index).toList(),
                    output.poster() != null, usage, attempt);
            String manifestKey = MediaKeys.chunkManifest(videoId, restricted, input.chunk().index());
            Path manifestFile = scratch.path().resolve("manifest.json");
            Files.writeString(manifestFile, JSON.writeValueAsString(manifest), StandardCharsets.UTF_8);
            store.upload(mediaBucket, manifestKey, manifestFile, "application/json");
            keys.put(manifestFile, manifestKey);
            checkStillProcessing(videoId, keys);
            if (input.chunksTotal() != null) {
                progress.chunkDone(videoId, input.chunk().index(), input.chunksTotal());
            }
            int segments = output.renditions().getFirst().segments().size();
            LOG.info("Chunk {} encoded: {} segments per rendition, {} bytes, in {} ms (encode {} ms, upload {} ms,"
                            + " {} ranged reads, {} of {} bytes of the source)", input.chunk().index(), segments,
                    uploaded.bytes(), millis, (encoded - started) / 1_000_000,
                    (System.nanoTime() - encoded) / 1_000_000,
                    source.reads(), source.bytesServed(), input.source().size());
            return new TranscodeChunkResult(input.chunk().index(), segments, uploaded.bytes(), manifestKey,
                    source.bytesServed());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the chunk's scratch folder", e);
        } finally {
            MDC.remove("videoId");
            MDC.remove("chunk");
            MDC.remove("executionName");
        }
    }

    /** The object key of every file the chunk wrote: segments in place, tiles and poster as the stitch step expects. */
    private static Map<Path, String> keys(String videoId, boolean restricted, ChunkOutput output) {
        Map<Path, String> keys = new LinkedHashMap<>();
        Path dir = output.directory();
        String hls = MediaKeys.hlsPrefix(videoId, restricted);
        for (ChunkOutput.Rendition r : output.renditions()) {
            for (HlsSegment s : r.segments()) {
                keys.put(dir.resolve("hls").resolve(r.name()).resolve(s.name()), hls + r.name() + "/" + s.name());
            }
        }
        for (ChunkOutput.Tile t : output.tiles()) {
            keys.put(dir.resolve(t.path()), MediaKeys.chunkTile(videoId, restricted, t.index()));
        }
        if (output.poster() != null) {
            keys.put(dir.resolve(output.poster()), MediaKeys.poster(videoId, restricted));
        }
        return keys;
    }

    private void checkStillProcessing(String videoId, Map<Path, String> written) {
        Optional<VideoStatus> status = videos.find(videoId).map(Video::status);
        if (status.isPresent() && status.get() == VideoStatus.PROCESSING) {
            return;
        }
        for (String key : written.values()) {
            store.delete(mediaBucket, key);
        }
        String now = status.map(Enum::name).orElse("deleted");
        LOG.warn("The video is {} now: deleted the chunk's {} objects", now, written.size());
        throw new VideoNoLongerProcessingException("Video " + videoId + " is " + now
                + " (another chunk failed, or it was deleted); this chunk's outputs were deleted");
    }


    private static void validate(TranscodeChunkInput input) {
        if (input == null || !MediaKeys.isValidId(input.videoId()) || input.source() == null
                || input.source().bucket() == null || input.source().key() == null || input.source().size() <= 0
                || input.media() == null || input.ladder().isEmpty() || input.chunk() == null
                || input.chunksTotal() != null && input.chunksTotal() <= input.chunk().index()) {
            throw new TranscodeChunkInputMalformedException(
                    "A chunk's input needs a valid videoId, the source with its size, the media, the ladder and "
                            + "the chunk (an index below chunksTotal)");
        }
        for (RenditionSpec r : input.ladder()) {
            if (r.name() == null || !r.name().matches("[0-9]{1,4}p")) {
                throw new TranscodeChunkInputMalformedException("Unexpected rendition name in the ladder");
            }
        }
    }
}
