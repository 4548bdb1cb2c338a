package dev.clipflow.ffmpeg;

import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.ffmpeg.ChunkedTranscodeBenchmark.Chunk;
import dev.clipflow.ffmpeg.ChunkedTranscodeBenchmark.Run;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.MediaLimits;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.TranscodePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns {@link ChunkedTranscodeBenchmark}'s measurements into figures: {@code result.md} (the sections of
 * docs/benchmarks/chunked-transcode.md between the script's header and its machine and method sections),
 * {@code summary.txt} (what the script prints) and {@code one-pass-max-seconds.txt} (the value for
 * {@link MediaLimits#ONE_PASS_MAX_SECONDS}).
 */
final class ChunkedTranscodeReport {
    static final double TARGET_CPU_RATIO = 1.10;
    static final double TARGET_PUBLISH_SECONDS = 180;

    private final StringBuilder md = new StringBuilder();

    private ChunkedTranscodeReport() {
    }

    static void write(Path out, MediaInfo media, List<RenditionSpec> ladder, TranscodePlan plan, List<Run> runs,
                      List<Chunk> chunks, double probeSeconds, Map<Double, Double> stitchSeconds) throws IOException {
        int vcpus = Runtime.getRuntime().availableProcessors();
        double length = media.pictureEndSeconds();
        List<Run> one = runs.stream().filter(r -> r.mode().equals("one-pass")).toList();
        List<Run> chunked = runs.stream().filter(r -> r.mode().equals("chunked")).toList();
        List<Chunk> full = chunks.stream().filter(c -> c.sourceSeconds() >= plan.chunkSeconds() - 1e-3).toList();
        List<Chunk> rated = full.isEmpty() ? chunks : full;
        // vCPU-seconds per source second, from CPU time (the model's basis) and from wall time x vCPUs.
        double chunkCpuRate = median(rated, c -> c.cpu().totalSeconds() / c.sourceSeconds());
        double onePassCpuRate = median(one, r -> r.cpu().totalSeconds() / length);
        double chunkWallRate = median(rated, c -> c.wallSeconds() * vcpus / c.sourceSeconds());
        double onePassWallRate = median(one, r -> r.wallSeconds() * vcpus / length);
        double bytesPerSecond = rated.stream().mapToLong(Chunk::bytes).sum()
                / rated.stream().mapToDouble(Chunk::sourceSeconds).sum();
        var measured = new PublishTimeModel.Measured(vcpus, media.frameRate(), ladder.size(), chunkCpuRate,
                onePassCpuRate, bytesPerSecond, probeSeconds, stitchSeconds);
        var assumed = PublishTimeModel.Assumptions.fromSystemProperties();
        var model = new PublishTimeModel(measured, assumed);
        var byWall = new PublishTimeModel(new PublishTimeModel.Measured(vcpus, media.frameRate(), ladder.size(),
                chunkWallRate, onePassWallRate, bytesPerSecond, probeSeconds, stitchSeconds), assumed);

        double cpuRatio = median(pairRatios(one, chunked, r -> r.cpu().childrenSeconds()));
        double cpuTotalRatio = median(pairRatios(one, chunked, r -> r.cpu().totalSeconds()));
        double wallRatio = median(pairRatios(one, chunked, Run::wallSeconds));
        double cpuOne = median(one, r -> r.cpu().childrenSeconds());
        double cpuChunked = median(chunked, r -> r.cpu().childrenSeconds());
        double wallOne = median(one, Run::wallSeconds);
        double wallChunked = median(chunked, Run::wallSeconds);
        double sumRatio = chunked.stream().mapToDouble(r -> r.cpu().childrenSeconds()).sum()
                / one.stream().mapToDouble(r -> r.cpu().childrenSeconds()).sum();

        ChunkedTranscodeReport r = new ChunkedTranscodeReport();
        r.add("## Result");
        r.add("");
        r.add("| figure | value |");
        r.add("|---|---|");
        r.add("| **CPU time ratio, chunked / one-pass** (user+sys of the ffmpeg and ffprobe processes), median of "
                + "the per-run ratios | **%.3f** (target <= %.2f: %s) |", cpuRatio, TARGET_CPU_RATIO,
                cpuRatio <= TARGET_CPU_RATIO ? "met" : "missed");
        r.add("| the same, ratio of the medians (one-pass %.2f s, chunked %.2f s) | %.3f |", cpuOne, cpuChunked,
                cpuOne > 0 ? cpuChunked / cpuOne : Double.NaN);
        r.add("| the same, ratio of the sums over all runs | %.3f |", sumRatio);
        r.add("| CPU time ratio with the JVM's own work added (measuring, renaming, stitching, the sprite), median "
                + "of the per-run ratios | %.3f |", cpuTotalRatio);
        r.add("| wall time ratio, median of the per-run ratios | %.3f |", wallRatio);
        r.add("| wall time ratio of the medians (one-pass %.2f s, chunked %.2f s) | %.3f |", wallOne, wallChunked,
                wallChunked / wallOne);
        r.add("| stitch step in a chunked run (wall, median) | %.3f s |", median(chunked, Run::stitchSeconds));
        r.add("| **per-chunk encode time per source second**, wall at %d vCPU, median of %d full %d s chunks | "
                + "**%.3f s** (%.3f vCPU-s of wall per source s, %.2f frames/s per vCPU) |", vcpus, rated.size(),
                plan.chunkSeconds(), chunkWallRate / vcpus, chunkWallRate, media.frameRate() / chunkWallRate);
        r.add("| **per-chunk CPU time per source second** (ffmpeg, ffprobe and the JVM), the model's rate | **%.3f "
                + "vCPU-s** (%.2f frames per vCPU-second) |", chunkCpuRate, media.frameRate() / chunkCpuRate);
        r.add("| share of the %d vCPUs the chunks used (CPU / (wall x vCPUs); below 1: idle, or other work on the "
                + "machine) | %.0f%% |", vcpus, 100 * chunkCpuRate / chunkWallRate);
        r.add("| one-pass encode per source second, median run | %.3f s wall at %d vCPU; %.3f vCPU-s of CPU |",
                onePassWallRate / vcpus, vcpus, onePassCpuRate);
        r.add("| segments written per source second, all renditions | %.3f MB (%.1f Mbit/s) |", bytesPerSecond / 1e6,
                bytesPerSecond * 8 / 1e6);
        r.add("");
        r.add("Every run, in the order they ran (wall and CPU in s; CPU of the ffmpeg/ffprobe children and of the"
                + " JVM itself; MB of segments; the stitch step's wall time):");
        r.add("");
        r.add("```");
        r.add("# mode run wall_s cpu_children_s cpu_jvm_s segments_mb stitch_s");
        for (Run run : runs) {
            r.add("%s %d %.3f %.2f %.2f %.1f %.3f", run.mode(), run.run(), run.wallSeconds(),
                    run.cpu().childrenSeconds(), run.cpu().selfSeconds(), run.bytes() / 1e6, run.stitchSeconds());
        }
        r.add("```");
        r.add("");
        r.add("Every chunk (source s = the chunk's length; wall s per source s at %d vCPU):", vcpus);
        r.add("");
        r.add("```");
        r.add("# run chunk source_s wall_s wall_per_source_s cpu_children_s cpu_jvm_s segments_mb");
        for (Chunk c : chunks) {
            r.add("%d %d %.3f %.3f %.3f %.2f %.2f %.1f", c.run(), c.index(), c.sourceSeconds(), c.wallSeconds(),
                    c.wallSeconds() / c.sourceSeconds(), c.cpu().childrenSeconds(), c.cpu().selfSeconds(),
                    c.bytes() / 1e6);
        }
        r.add("```");
        r.add("");
        r.model(model, byWall);
        int limit = r.headroom(model, byWall);

        Files.writeString(out.resolve("result.md"), r.md);
        Files.writeString(out.resolve("one-pass-max-seconds.txt"), limit + "\n");
        double hour = PublishTimeModel.total(model.stages(3600, PublishTimeModel.CONSERVATIVE));
        Files.writeString(out.resolve("summary.txt"), String.format(Locale.ROOT, """
                CPU ratio chunked/one-pass (ffmpeg+ffprobe user+sys): %.3f median of per-run ratios (target <= %.2f)
                wall ratio chunked/one-pass: %.3f median of per-run ratios
                per-chunk encode: %.3f s wall per source s at %d vCPU; %.3f vCPU-s of CPU per source s \
                (%.0f%% of the vCPUs busy)
                modelled 1 h 1080p25 upload to published at 6 vCPU: %.0f s linear, %.0f s at 75%% (target < %.0f s); \
                from wall time instead: %.0f s, %.0f s
                one-pass max at 6 vCPU, 75%%: 1080p25 %.0f s, 1080p60 %.0f s -> ONE_PASS_MAX_SECONDS %d (now %.0f); \
                from wall time instead: 1080p60 %.0f s
                """, cpuRatio, TARGET_CPU_RATIO, wallRatio, chunkWallRate / vcpus, vcpus, chunkCpuRate,
                100 * chunkCpuRate / chunkWallRate,
                PublishTimeModel.total(model.stages(3600, PublishTimeModel.LINEAR)), hour, TARGET_PUBLISH_SECONDS,
                PublishTimeModel.total(byWall.stages(3600, PublishTimeModel.LINEAR)),
                PublishTimeModel.total(byWall.stages(3600, PublishTimeModel.CONSERVATIVE)),
                model.onePassMaxSeconds(25, PublishTimeModel.CONSERVATIVE),
                model.onePassMaxSeconds(60, PublishTimeModel.CONSERVATIVE), limit, MediaLimits.ONE_PASS_MAX_SECONDS,
                byWall.onePassMaxSeconds(60, PublishTimeModel.CONSERVATIVE)));
    }

    private void model(PublishTimeModel model, PublishTimeModel byWall) {
        PublishTimeModel.Measured m = model.measured();
        PublishTimeModel.Assumptions a = model.assumed();
        add("## Modelled AWS time to publish");
        add("");
        add("A model, not a measurement on AWS: the encode rate and sizes measured above, scaled to a 10,240 MB "
                + "function, with every other figure assumed and labelled. Stages on the critical path add up; the "
                + "chunks of a wave run at the same time.");
        add("");
        add("The encode rate is CPU time per source second: what ffmpeg used, which other work on this shared "
                + "machine moves far less than wall time; wall time x vCPUs also charges that work (and any idle "
                + "vCPU) to the encode. How well the encode spreads over Lambda's vCPUs is the efficiency "
                + "assumption (100%% and 75%%). On an idle machine the two rates meet; the totals from the wall-time "
                + "rate are shown below the tables.");
        add("");
        add("| input | value | kind | where it comes from |");
        add("|---|---|---|---|");
        add("| encode rate, chunked | %.3f vCPU-s per source s (wall time x vCPUs: %.3f) | measured here | CPU "
                + "time of the median full chunk above |", m.chunkVcpuSeconds(), byWall.measured().chunkVcpuSeconds());
        add("| encode rate, one pass | %.3f vCPU-s per source s (wall time x vCPUs: %.3f) | measured here | "
                + "median run above |", m.onePassVcpuSeconds(), byWall.measured().onePassVcpuSeconds());
        add("| segments written | %.3f MB per source s | measured here | the chunks above |",
                m.outputBytesPerSecond() / 1e6);
        add("| ffprobe | %.2f s | measured here | on the generated source, a local file; a 1 h MP4 has a larger "
                + "index |", m.probeSeconds());
        add("| stitch step, local work (parse manifests, playlists, sprite) | %s | measured here, proxy | "
                + "StitchProxy: the chunk manifests of a 1/2/4 h source, local files, no S3 |",
                String.join(" / ", stitchFigures(m)));
        add("| vCPUs at 10,240 MB | %d | documented | AWS Lambda: CPU in proportion to memory, 6 vCPUs at "
                + "10,240 MB |", a.lambdaVcpus());
        add("| scaling in vCPUs, and a Lambda vCPU against one here | linear (100%%) and 75%% | assumed | x264 "
                + "runs the five encoders on threads of their own, but ffmpeg 5.1 decodes and filters on one "
                + "thread; 75%% is the conservative case, to be checked on a 6 vCPU function |");
        add("| source bit rate | %.0f Mbit/s (%.2f GB per hour) | assumed | a phone's 1080p25 H.264; 60 fps: "
                + "1.5x |", a.sourceMbps(), model.sourceBytes(3600, 1) / 1e9);
        add("| S3 to/from one function, one stream | %.0f MB/s | assumed, public figure | L. Harding, \"Serverless, "
                + "large file downloads to S3\" (2018): 1 GB in 16.5 s and 10 GB in 190 s through one Lambda "
                + "function (54-62 MB/s); a one-pass transcode downloads its (short) source with one GetObject, "
                + "chunks read their ranges. Not measured on AWS by us |",
                a.s3MegabytesPerSecond());
        add("| small S3 request | %.0f ms, %d in flight | assumed | AWS whitepaper \"Optimizing Amazon S3 "
                + "performance\", timeouts and retries: small requests' median latency is tens of ms; the chunk's "
                + "uploads and the stitch step's reads run 16 at a time (OutputUploader, Stitch) |",
                a.requestSeconds() * 1000, a.requestsInFlight());
        add("| start of the probe, chunk and stitch functions (SnapStart from the template's Globals) | %.1f s "
                + "| assumed | restore and a slower first invocation; without SnapStart a fresh JVM with Spring Cloud "
                + "Function took 4.8 s on 2 shared vCPU here (docs/benchmarks/cold-start.md) |", a.snapStartSeconds());
        add("| ingest and start (S3 event, EventBridge, ingest, StartExecution) | %.1f s | assumed | ingest has "
                + "SnapStart |", a.ingestSeconds());
        add("| Step Functions transitions and the Map's start | %.1f s | assumed | |", a.transitionSeconds());
        add("| publish | %.1f s | assumed | SnapStart, a few DynamoDB writes |", a.publishSeconds());
        add("| Map concurrency | %d | code | ChunkPlanner.DEFAULT_MAX_CONCURRENCY, the template's "
                + "ChunkConcurrency default |", a.mapConcurrency());
        add("| chunk length | %d s | code | ChunkPlanner.DEFAULT_CHUNK_SECONDS |", a.chunkSeconds());
        add("");
        add("Conservative on purpose: every wave pays a start (a later wave could reuse warm functions), "
                + "and a chunk's ranged read, encode and upload are added up although the read streams while "
                + "ffmpeg encodes. waves = ceil(chunks / concurrency).");
        add("");
        add("1 hour of 1080p25, stage by stage:");
        add("");
        add("| stage | linear | 75%% | basis |");
        add("|---|---|---|---|");
        List<PublishTimeModel.Stage> linear = model.stages(3600, PublishTimeModel.LINEAR);
        List<PublishTimeModel.Stage> conservative = model.stages(3600, PublishTimeModel.CONSERVATIVE);
        for (int i = 0; i < linear.size(); i++) {
            add("| %s | %.1f s | %.1f s | %s |", linear.get(i).name(), linear.get(i).seconds(),
                    conservative.get(i).seconds(), conservative.get(i).basis());
        }
        double total = PublishTimeModel.total(conservative);
        add("| **total** | **%.0f s** | **%.0f s** | target under %.0f s: %s |", PublishTimeModel.total(linear), total,
                TARGET_PUBLISH_SECONDS, total < TARGET_PUBLISH_SECONDS ? "met" : "missed");
        add("");
        add("| source | size | chunks | waves | total, linear | total, 75%% | note |");
        add("|---|---|---|---|---|---|---|");
        for (double seconds : ChunkedTranscodeBenchmark.MODELLED_SOURCE_SECONDS) {
            double bytes = model.sourceBytes(seconds, 1);
            List<String> notes = new ArrayList<>();
            if (bytes > ChannelLimits.DEFAULT.maxBytes()) {
                notes.add(String.format("above the default channel upload limit (%.0f GiB)",
                        ChannelLimits.DEFAULT.maxBytes() / (1024.0 * 1024 * 1024)));
            }
            add("| %.0f h | %.1f GB | %d | %d | %.0f s | %.0f s | %s |", seconds / 3600, bytes / 1e9,
                    model.chunks(seconds), model.waves(seconds),
                    PublishTimeModel.total(model.stages(seconds, PublishTimeModel.LINEAR)),
                    PublishTimeModel.total(model.stages(seconds, PublishTimeModel.CONSERVATIVE)),
                    String.join("; ", notes));
        }
        add("");
        add("From the wall-time rate instead (%.3f vCPU-s per source s): 1 h %.0f s linear, %.0f s at 75%%.",
                byWall.measured().chunkVcpuSeconds(), PublishTimeModel.total(byWall.stages(3600,
                        PublishTimeModel.LINEAR)), PublishTimeModel.total(byWall.stages(3600,
                        PublishTimeModel.CONSERVATIVE)));
        add("");
    }

    /** Writes the one-pass headroom section; returns the value for ONE_PASS_MAX_SECONDS. */
    private int headroom(PublishTimeModel model, PublishTimeModel byWall) {
        PublishTimeModel.Measured m = model.measured();
        add("## One-pass headroom");
        add("");
        add("The longest 1080p source one %d vCPU function downloads and encodes in one pass: Lambda's %.0f s less "
                + "the transcode function's upload reserve (Transcode.java: 20%% of the time left, 10-120 s: %.0f s) "
                + "leaves %.0f s for the download (at the assumed rate) and the encode, at the slower of the two "
                + "measured CPU-time rates (%.3f vCPU-s per source s; one pass %.3f, chunked %.3f). Encode cost is "
                + "taken as proportional to frames: a 60 fps source has 2.4x the frames of 25 fps, and 1.5x the bit "
                + "rate (source and ladder, LadderPlanner), which costs download time here and a little x264 time that "
                + "the 75%% case covers.", model.assumed().lambdaVcpus(), model.assumed().timeoutSeconds(),
                model.reserveSeconds(), model.encodeBudgetSeconds(), model.slowerVcpuSeconds(),
                m.onePassVcpuSeconds(), m.chunkVcpuSeconds());
        add("");
        add("| source | linear | 75%% | from wall time x vCPUs, linear | the same, 75%% |");
        add("|---|---|---|---|---|");
        for (int fps : new int[] {25, 60}) {
            add("| 1080p%d | %s | **%s** | %s | %s |", fps,
                    minutes(model.onePassMaxSeconds(fps, PublishTimeModel.LINEAR)),
                    minutes(model.onePassMaxSeconds(fps, PublishTimeModel.CONSERVATIVE)),
                    minutes(byWall.onePassMaxSeconds(fps, PublishTimeModel.LINEAR)),
                    minutes(byWall.onePassMaxSeconds(fps, PublishTimeModel.CONSERVATIVE)));
        }
        double sixty = model.onePassMaxSeconds(60, PublishTimeModel.CONSERVATIVE);
        int limit = (int) (Math.floor(sixty / 60) * 60);
        add("");
        add("`MediaLimits.ONE_PASS_MAX_SECONDS` = the 1080p60 figure at 75%%, rounded down to whole minutes: "
                + "**%d s** (the code has %.0f s%s).", limit, MediaLimits.ONE_PASS_MAX_SECONDS,
                limit == MediaLimits.ONE_PASS_MAX_SECONDS ? ""
                        : limit > MediaLimits.ONE_PASS_MAX_SECONDS ? "; it may rise to this" : "; lower it to this");
        if (limit < ChunkPlanner.DEFAULT_CHUNKED_ABOVE_SECONDS) {
            add("This is below ChunkPlanner's one-pass threshold (%.0f s): lower that too.",
                    ChunkPlanner.DEFAULT_CHUNKED_ABOVE_SECONDS);
        }
        add("");
        return limit;
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.0f s (%.1f min)", seconds, seconds / 60);
    }

    private static List<String> stitchFigures(PublishTimeModel.Measured m) {
        List<String> figures = new ArrayList<>();
        for (double seconds : ChunkedTranscodeBenchmark.MODELLED_SOURCE_SECONDS) {
            figures.add(String.format(Locale.ROOT, "%.2f s", m.stitchSecondsBySource().get(seconds)));
        }
        return figures;
    }

    private void add(String format, Object... args) {
        md.append(args.length == 0 ? format.replace("%%", "%") : String.format(Locale.ROOT, format, args))
                .append('\n');
    }

    /** Chunked / one-pass of the same run, for each run. */
    private static List<Double> pairRatios(List<Run> one, List<Run> chunked, ToDoubleFunction<Run> value) {
        List<Double> ratios = new ArrayList<>();
        for (Run c : chunked) {
            one.stream().filter(o -> o.run() == c.run()).findFirst()
                    .ifPresent(o -> ratios.add(value.applyAsDouble(c) / value.applyAsDouble(o)));
        }
        return ratios;
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> value) {
        return median(items.stream().map(value::applyAsDouble).toList());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
