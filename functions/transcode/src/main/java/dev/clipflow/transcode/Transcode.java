package dev.clipflow.transcode;

import dev.clipflow.aws.s3.OutputUploader;
import dev.clipflow.catalog.events.PipelineStage;
import dev.clipflow.catalog.events.StageProgress;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.ffmpeg.ScratchDirectory;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.media.ProducedRendition;
import dev.clipflow.media.TranscodeJob;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.media.Transcoder;
import dev.clipflow.media.UploadReserve;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.TranscodeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code transcode} function: downloads the source to a scratch folder, runs the {@link Transcoder} once for the
 * whole ladder (docs/adr/0004-transcode-in-one-pass.md), uploads every output under {@link
 * MediaKeys#outputPrefix(String, boolean)} (by the input's visibility) in MEDIA_BUCKET and reports the renditions. The
 * encode and the upload each have a deadline within the invocation's time ({@link UploadReserve}); the scratch folder
 * is private and stale ones a killed invocation left in a reused sandbox's WORK_DIR are removed first ({@link
 * ScratchDirectory}). Storage failures are transient (retried by the state machine); bad media, encoder failures and
 * timeouts (encode or upload) are permanent. Repeating it rewrites the same keys.
 */
public final class Transcode implements Function<TranscodeInput, TranscodeResult> {
    private static final Logger LOG = LoggerFactory.getLogger(Transcode.class);
    /** Time kept back from the encoder for uploading and answering. */
    static final UploadReserve RESERVE = new UploadReserve(Duration.ofSeconds(120));

    private final ObjectStore store;
    private final Transcoder transcoder;
    private final String mediaBucket;
    private final String workDir;
    private final int memoryMb;
    private final Duration budget;
    private final StageProgress progress;

    public Transcode(ObjectStore store, Transcoder transcoder, String mediaBucket, String workDir, int memoryMb,
                     Duration budget) {
        this(store, transcoder, mediaBucket, workDir, memoryMb, budget, StageProgress.NONE);
    }

    /** @param progress records the {@code transcode} stage's start and finish on the video and publishes them */
    public Transcode(ObjectStore store, Transcoder transcoder, String mediaBucket, String workDir, int memoryMb,
                     Duration budget, StageProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.store = Objects.requireNonNull(store, "store");
        this.transcoder = Objects.requireNonNull(transcoder, "transcoder");
        this.mediaBucket = Objects.requireNonNull(mediaBucket, "mediaBucket");
        this.workDir = workDir;
        this.memoryMb = memoryMb;
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    public TranscodeResult apply(TranscodeInput input) {
        return apply(input, memoryMb, budget);
    }

    /** Transcodes within {@code timeLeft} (Lambda's remaining time), recording {@code invocationMemoryMb}. */
    public TranscodeResult apply(TranscodeInput input, int invocationMemoryMb, Duration timeLeft) {
        long started = System.nanoTime();
        validate(input);
        String videoId = input.videoId();
        MDC.put("videoId", videoId);
        if (input.executionName() != null) {
            MDC.put("executionName", input.executionName());
        }
        progress.started(videoId, PipelineStage.TRANSCODE);
        try (ScratchDirectory scratch = ScratchDirectory.create(workDir, videoId)) {
            if (scratch.staleRemoved().folders() > 0) {
                LOG.info("Removed {} stale scratch folders ({} MB) left by killed invocations",
                        scratch.staleRemoved().folders(), scratch.staleRemoved().bytes() >> 20);
            }
            checkSpace(input, scratch);
            Path source = scratch.path().resolve("source");
            store.download(input.source().bucket(), input.source().key(), source);
            long downloaded = System.nanoTime();
            Path out = Files.createDirectories(scratch.path().resolve("out"));
            // The download has used part of the time: the encoder gets what is left, less the upload reserve.
            Duration encodeBudget = RESERVE.encoderBudget(timeLeft, Duration.ofNanos(downloaded - started));
            TranscodeOutput output = transcoder.transcode(new TranscodeJob(source, input.probe().media(),
                    input.probe().ladder(), out, encodeBudget));
            long encoded = System.nanoTime();
            String prefix = MediaKeys.outputPrefix(videoId, PipelineInput.restricted(input.visibility()));
            OutputUploader.Uploaded uploaded = new OutputUploader(store).upload(out, mediaBucket, prefix,
                    RESERVE.uploadBudget(timeLeft, Duration.ofNanos(encoded - started)));
            long bytes = uploaded.bytes();
            List<Rendition> renditions = output.renditions().stream()
                    .map(r -> rendition(prefix, r)).toList();
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            LOG.info("Transcoded {} renditions, {} bytes, in {} ms (download {} ms, encode {} ms, upload {} ms)",
                    renditions.size(), bytes, millis, (downloaded - started) / 1_000_000,
                    (encoded - downloaded) / 1_000_000, (System.nanoTime() - encoded) / 1_000_000);
            TranscodeResult result = new TranscodeResult(prefix + output.masterPlaylist(), prefix + output.poster(),
                    prefix + output.sprite(), prefix + output.spriteIndex(), renditions, bytes,
                    new StageUsage("transcode", 1, millis, invocationMemoryMb, 0, bytes,
                            (long) uploaded.objects(), 1L));
            progress.finished(videoId, PipelineStage.TRANSCODE);
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot prepare the scratch folder", e);
        } finally {
            MDC.remove("videoId");
            MDC.remove("executionName");
        }
    }

    private static Rendition rendition(String prefix, ProducedRendition r) {
        return new Rendition(r.name(), r.width(), r.height(), r.peakBandwidth(), prefix + r.playlist(), r.bytes());
    }

    /** The source, plus the outputs at their planned rates with 50% headroom, must fit in WORK_DIR. */
    private static void checkSpace(TranscodeInput input, ScratchDirectory scratch) {
        double seconds = input.probe().media().durationSeconds();
        long kbps = input.probe().ladder().stream().mapToLong(r -> r.videoKbps() + r.audioKbps()).sum();
        long needed = input.source().size() + (long) (kbps * 1000 / 8 * seconds * 1.5);
        long free = scratch.usableSpace();
        if (needed > free) {
            throw new TranscodeWorkDirTooSmallException(String.format(
                    "WORK_DIR has %d MB free; video %s needs about %d MB", free >> 20, input.videoId(), needed >> 20));
        }
    }


    private static void validate(TranscodeInput input) {
        if (input == null || !MediaKeys.isValidId(input.videoId()) || input.source() == null
                || input.source().bucket() == null || input.source().key() == null || input.probe() == null
                || input.probe().media() == null || input.probe().ladder().isEmpty()) {
            throw new TranscodeInputMalformedException(
                    "The transcode input needs a valid videoId, the source, and the probe result with its ladder");
        }
        for (RenditionSpec r : input.probe().ladder()) {
            if (r.name() == null || !r.name().matches("[0-9]{1,4}p")) {
                throw new TranscodeInputMalformedException("Unexpected rendition name in the ladder");
            }
        }
    }
}
