package dev.clipflow.probe;

import dev.clipflow.catalog.events.PipelineStage;
import dev.clipflow.catalog.events.StageProgress;
import dev.clipflow.cost.CostCeiling;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.ffmpeg.SourceServer;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.MediaLimits;
import dev.clipflow.media.MediaProber;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.TranscodePlan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code probe} function, the pipeline's first stage: reads the source with ffprobe through a loopback
 * range server (only its header and index; no presigned URL, no copy: docs/adr/0008), rejects what cannot
 * become a video ({@link MediaRejectedException}, permanent), checks the
 * {@link MediaLimits} (the channel's duration limit from the input, when set; the decode-bomb limits), plans the
 * ladder, refuses a source whose forecast transcode and storage cost is above the channel's {@link CostCeiling}
 * (its own from the input, else the deployment's default), and plans how to transcode: one pass, or chunks encoded in
 * parallel and stitched ({@link ChunkPlanner}, docs/adr/0008).
 */
public final class Probe implements Function<PipelineInput, ProbeResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Probe.class);

    private final ObjectStore store;
    private final MediaProber prober;
    private final LadderPlanner planner;
    private final ChunkPlanner chunks;
    private final MediaLimits limits;
    private final CostCeiling ceiling;
    private final CostEstimator costs;
    private final int memoryMb;
    private final StageProgress progress;

    public Probe(ObjectStore store, MediaProber prober, LadderPlanner planner, ChunkPlanner chunks, MediaLimits limits,
                 CostCeiling ceiling, CostEstimator costs, int memoryMb) {
        this(store, prober, planner, chunks, limits, ceiling, costs, memoryMb, StageProgress.NONE);
    }

    /** @param progress records the {@code probe} stage's start and finish on the video and publishes them */
    public Probe(ObjectStore store, MediaProber prober, LadderPlanner planner, ChunkPlanner chunks, MediaLimits limits,
                 CostCeiling ceiling, CostEstimator costs, int memoryMb, StageProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.store = Objects.requireNonNull(store, "store");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.chunks = Objects.requireNonNull(chunks, "chunks");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ceiling = Objects.requireNonNull(ceiling, "ceiling");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.memoryMb = memoryMb;
    }

    /** A probe with the default cost ceiling at us-east-1 list prices. */
    public Probe(ObjectStore store, MediaProber prober, LadderPlanner planner, ChunkPlanner chunks, MediaLimits limits,
                 int memoryMb) {
        this(store, prober, planner, chunks, limits, new CostCeiling(CostCeiling.DEFAULT_MAX_USD),
                new CostEstimator(PriceTable.US_EAST_1), memoryMb);
    }

    @Override
    public ProbeResult apply(PipelineInput input) {
        return apply(input, memoryMb);
    }

    /** Probes with the memory size the invocation reports (Lambda's context) for the usage record. */
    public ProbeResult apply(PipelineInput input, int invocationMemoryMb) {
        long started = System.nanoTime();
        validate(input);
        MDC.put("videoId", input.videoId());
        if (input.executionName() != null) {
            MDC.put("executionName", input.executionName());
        }
        try {
            progress.started(input.videoId(), PipelineStage.PROBE);
            var source = input.source();
            var info = store.head(source.bucket(), source.key()).orElseThrow(() -> new ProbeSourceMissingException(
                    "The uploaded object of video " + input.videoId() + " no longer exists"));
            if (info.size() == 0) {
                throw new MediaRejectedException(MediaRejectionReason.EMPTY_FILE, null);
            }
            // Read by range through a loopback server: ffprobe reads the header and the index, not the whole
            // upload (docs/adr/0008), whatever its size.
            MediaInfo media;
            try (SourceServer server = SourceServer.start(store, source.bucket(), source.key(), info.size())) {
                media = prober.probe(server.uri(), info.size());
            }
            limits.forChannel(input.maxDurationSeconds()).check(media);
            List<RenditionSpec> ladder = planner.plan(media);
            BigDecimal forecast = ceiling.check(media, ladder, input.maxCostUsd(), costs);
            TranscodePlan plan = chunks.plan(media);
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            LOG.info("Probed {}x{} {} s {}/{}; ladder {}; {} ({} chunks); forecast {} USD", media.displayWidth(),
                    media.displayHeight(), Math.round(media.durationSeconds()), media.videoCodec(), media.audioCodec(),
                    ladder.stream().map(RenditionSpec::name).toList(), plan.mode(), plan.chunkCount(),
                    forecast.toPlainString());
            ProbeResult result = new ProbeResult(media, ladder,
                    new StageUsage("probe", 1, millis, invocationMemoryMb, 0, 0), plan);
            progress.finished(input.videoId(), PipelineStage.PROBE);
            return result;
        } catch (MediaRejectedException e) {
            LOG.warn("Rejected the source: {}", e.reason());
            throw e;
        } finally {
            MDC.remove("videoId");
            MDC.remove("executionName");
        }
    }

    private static void validate(PipelineInput input) {
        if (input == null || !MediaKeys.isValidId(input.videoId()) || input.source() == null
                || input.source().bucket() == null || input.source().key() == null) {
            throw new ProbeInputMalformedException("The probe input needs a valid videoId and source bucket and key");
        }
    }
}
