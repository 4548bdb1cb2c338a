package dev.clipflow.ffmpeg;

import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.ThumbnailPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The modelled AWS time from upload to published for a chunked transcode, and the one-pass path's headroom,
 * from encode rates measured by {@link ChunkedTranscodeBenchmark} on this machine and named assumptions. Not a
 * test: arithmetic the benchmark's report prints line by line, so that every figure can be checked by hand.
 *
 * <p>Scaling: a measured rate is vCPU-seconds per source second: the encode's CPU time per source second (what
 * it used, whatever else ran on the machine), or its wall time x this machine's vCPUs per source second (which
 * also charges idle and other work to the encode). At Lambda's vCPUs the encode takes
 * {@code rate / (vCPUs x efficiency)} per source second, efficiency 1 (linear in vCPUs) or {@link #CONSERVATIVE}.
 *
 * @param measured what this machine measured
 * @param assumed  the rest, each labelled in the report with where it comes from
 */
record PublishTimeModel(Measured measured, Assumptions assumed) {
    static final double LINEAR = 1.0;
    static final double CONSERVATIVE = 0.75;
    /** Transcode.java keeps 20% of the time left for uploading, at least 10 s, at most 120 s. */
    static final double RESERVE_SHARE = 0.2;
    static final double MIN_RESERVE_SECONDS = 10;
    static final double MAX_RESERVE_SECONDS = 120;
    /** What the stitch step writes: one media playlist per rendition, the master playlist, the sprite, its index. */
    static final int STITCH_EXTRA_OBJECTS = 3;
    static final double SEGMENT_SECONDS = LadderCommand.SEGMENT_SECONDS;

    /**
     * @param vcpus                   this machine's vCPUs (nproc)
     * @param frameRate               the measured source's frame rate
     * @param renditions              rungs in the ladder
     * @param chunkVcpuSeconds        chunked encode: vCPU-seconds per source second, median full chunk
     * @param onePassVcpuSeconds      one-pass encode: the same, median run
     * @param outputBytesPerSecond    bytes of segments written per source second (all renditions)
     * @param probeSeconds            ffprobe on the generated source (local file)
     * @param stitchSecondsBySource   the stitch step's local work (manifests parsed, playlists, sprite) for the
     *                                chunk count of each modelled source length, keyed by source seconds
     */
    record Measured(int vcpus, double frameRate, int renditions, double chunkVcpuSeconds, double onePassVcpuSeconds,
                    double outputBytesPerSecond, double probeSeconds, Map<Double, Double> stitchSecondsBySource) {
        Measured {
            stitchSecondsBySource = Map.copyOf(stitchSecondsBySource);
        }
    }

    /**
     * Everything not measured here; {@link #fromSystemProperties()} reads overrides ({@code bench.model.<name>}).
     *
     * @param lambdaVcpus          vCPUs of a 10,240 MB function
     * @param sourceMbps           the source's bit rate, Mbit/s (at 25 fps; a 60 fps source has 1.5x)
     * @param s3MegabytesPerSecond one S3 stream to or from a function, MB/s
     * @param requestSeconds       one small S3 request (a manifest, a tile, a segment's latency)
     * @param requestsInFlight     small S3 requests a function keeps in flight
     * @param coldStartSeconds     a JVM function without SnapStart, until the handler runs (kept for comparison)
     * @param snapStartSeconds     a function with SnapStart (probe, chunk, stitch): restore and first invocation
     * @param ingestSeconds        S3 event to the execution's first state
     * @param transitionSeconds    Step Functions transitions and the Map's start, for the whole execution
     * @param publishSeconds       the publish state
     * @param mapConcurrency       chunks encoded at once
     * @param chunkSeconds         chunk length
     * @param timeoutSeconds       Lambda's limit for one invocation
     */
    record Assumptions(int lambdaVcpus, double sourceMbps, double s3MegabytesPerSecond, double requestSeconds,
                       int requestsInFlight, double coldStartSeconds, double snapStartSeconds, double ingestSeconds,
                       double transitionSeconds,
                       double publishSeconds, int mapConcurrency, int chunkSeconds, double timeoutSeconds) {
        static Assumptions fromSystemProperties() {
            return new Assumptions(Integer.getInteger("bench.model.lambdaVcpus", 6),
                    real("sourceMbps", 8), real("s3MBps", 60), real("requestSeconds", 0.05),
                    Integer.getInteger("bench.model.requestsInFlight", 16), real("coldStartSeconds", 5),
                    real("snapStartSeconds", 1.5), real("ingestSeconds", 3), real("transitionSeconds", 2),
                    real("publishSeconds", 1),
                    Integer.getInteger("bench.model.mapConcurrency", ChunkPlanner.DEFAULT_MAX_CONCURRENCY),
                    Integer.getInteger("bench.model.chunkSeconds", ChunkPlanner.DEFAULT_CHUNK_SECONDS),
                    real("timeoutSeconds", 900));
        }

        private static double real(String name, double fallback) {
            return Double.parseDouble(System.getProperty("bench.model." + name, String.valueOf(fallback)));
        }
    }

    /** One line of the model: what, how long (in seconds, on the critical path), and how it was computed. */
    record Stage(String name, double seconds, String basis) {
    }

    /** An MP4's index: sample size, chunk offset and time entries per video frame (25 fps) and AAC packet (48 kHz). */
    static final int INDEX_BYTES_PER_FRAME = 16;
    /** The probe's ranged reads: the first bytes, the header, the index at the end, one spare. */
    static final int INDEX_READS = 4;

    double indexBytes(double sourceSeconds) {
        return sourceSeconds * (25 + 48_000 / 1024.0) * INDEX_BYTES_PER_FRAME;
    }

    int chunks(double sourceSeconds) {
        return (int) Math.ceil(sourceSeconds / assumed.chunkSeconds());
    }

    int waves(double sourceSeconds) {
        return (int) Math.ceil((double) chunks(sourceSeconds) / assumed.mapConcurrency());
    }

    /** Encode seconds per source second on a Lambda function, from the chunked (or one-pass) measured rate. */
    double encodeSecondsPerSourceSecond(double vcpuSeconds, double efficiency) {
        return vcpuSeconds / (assumed.lambdaVcpus() * efficiency);
    }

    double transferSeconds(double bytes) {
        return bytes / (assumed.s3MegabytesPerSecond() * 1e6);
    }

    double sourceBytes(double sourceSeconds, double bitRateFactor) {
        return assumed.sourceMbps() * bitRateFactor * 1e6 / 8 * sourceSeconds;
    }

    /** The critical path of a chunked transcode of a {@code sourceSeconds} 1080p25 source, stage by stage. */
    List<Stage> stages(double sourceSeconds, double efficiency) {
        Assumptions a = assumed;
        List<Stage> s = new ArrayList<>();
        s.add(new Stage("ingest and start", a.ingestSeconds(), "assumed"));
        s.add(new Stage("probe: start (SnapStart)", a.snapStartSeconds(), "assumed"));
        double index = indexBytes(sourceSeconds);
        s.add(new Stage(String.format("probe: ranged reads of the header and the %.1f MB index", index / 1e6),
                INDEX_READS * a.requestSeconds() + transferSeconds(index),
                "assumed: " + INDEX_BYTES_PER_FRAME + " bytes per video and audio frame, " + INDEX_READS + " reads"));
        s.add(new Stage("probe: ffprobe", measured.probeSeconds(), "measured here (local file)"));
        s.add(new Stage("Step Functions transitions and Map start", a.transitionSeconds(), "assumed"));
        int chunks = chunks(sourceSeconds);
        int waves = waves(sourceSeconds);
        String per = waves == 1 ? "" : " (x" + waves + " waves)";
        s.add(new Stage("chunk: start (SnapStart)" + per, waves * a.snapStartSeconds(), "assumed, every wave"));
        double read = sourceBytes(a.chunkSeconds(), 1);
        s.add(new Stage(String.format("chunk: ranged read of its %.0f MB%s", read / 1e6, per),
                waves * transferSeconds(read), "assumed rate"));
        double encode = a.chunkSeconds() * encodeSecondsPerSourceSecond(measured.chunkVcpuSeconds(), efficiency);
        s.add(new Stage(String.format("chunk: encode %d s at %d vCPU%s", a.chunkSeconds(), a.lambdaVcpus(), per),
                waves * encode, String.format("measured rate / (%d vCPU x efficiency)", a.lambdaVcpus())));
        double written = measured.outputBytesPerSecond() * a.chunkSeconds();
        int objects = measured.renditions() * (int) Math.ceil(a.chunkSeconds() / SEGMENT_SECONDS) + 1;
        s.add(new Stage(String.format("chunk: upload %.0f MB in %d objects + manifest%s", written / 1e6, objects,
                per), waves * (transferSeconds(written) + requests(objects)), "measured size, assumed rate"));
        s.add(new Stage("stitch: start (SnapStart)", a.snapStartSeconds(), "assumed"));
        int tiles = ThumbnailPlan.MAX_TILES;
        s.add(new Stage(String.format("stitch: read %d manifests and %d tiles", chunks, tiles),
                requests(chunks + tiles), "assumed latency"));
        s.add(new Stage("stitch: playlists, master, sprite, index", stitchSeconds(sourceSeconds),
                "measured here (local files)"));
        int outputs = measured.renditions() + STITCH_EXTRA_OBJECTS;
        s.add(new Stage(String.format("stitch: write %d objects", outputs), requests(outputs), "assumed latency"));
        s.add(new Stage("publish", a.publishSeconds(), "assumed"));
        return s;
    }

    static double total(List<Stage> stages) {
        return stages.stream().mapToDouble(Stage::seconds).sum();
    }

    /** Small requests, {@code requestsInFlight} at a time. */
    double requests(int count) {
        return Math.ceil((double) count / assumed.requestsInFlight()) * assumed.requestSeconds();
    }

    private double stitchSeconds(double sourceSeconds) {
        Double seconds = measured.stitchSecondsBySource().get(sourceSeconds);
        if (seconds == null) {
            throw new IllegalArgumentException("The stitch step was not measured for " + sourceSeconds + " s");
        }
        return seconds;
    }

    /** Seconds kept back from the encoder by the transcode function (Transcode.java), for Lambda's timeout. */
    double reserveSeconds() {
        return Math.clamp(assumed.timeoutSeconds() * RESERVE_SHARE, MIN_RESERVE_SECONDS, MAX_RESERVE_SECONDS);
    }

    /** What the one-pass function has for downloading the source and encoding it. */
    double encodeBudgetSeconds() {
        return assumed.timeoutSeconds() - reserveSeconds();
    }

    /** The slower of the two measured rates, vCPU-seconds per source second at the measured frame rate. */
    double slowerVcpuSeconds() {
        return Math.max(measured.chunkVcpuSeconds(), measured.onePassVcpuSeconds());
    }

    /**
     * The longest 1080p source one function downloads and encodes in one pass within {@link #encodeBudgetSeconds()}:
     * encode cost in proportion to frames ({@code frameRate / measured frame rate}); above 40 fps the source and
     * the ladder have 1.5x the bit rate (LadderPlanner), which costs download time here and is otherwise not
     * modelled (x264's per-frame cost grows a little with the bit rate: one reason for the conservative case).
     */
    double onePassMaxSeconds(double frameRate, double efficiency) {
        double frames = frameRate / measured.frameRate();
        double bitRate = frameRate > 40 ? 1.5 : 1.0;
        double perSecond = encodeSecondsPerSourceSecond(slowerVcpuSeconds() * frames, efficiency)
                + transferSeconds(sourceBytes(1, bitRate));
        return encodeBudgetSeconds() / perSecond;
    }
}
