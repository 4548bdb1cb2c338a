package dev.clipflow.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.ffmpeg.FfmpegBinaries;
import dev.clipflow.ffmpeg.FfprobeMediaProber;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.RenditionSpec;
import dev.clipflow.pipeline.SourceObject;
import dev.clipflow.testing.Emulators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the benchmark behind bench/transcode-vs-ffmpeg.sh (runs only with -Dbench.source).
 * Alternates the transcode stage (RequestIdFunctionInvoker("transcode") against S3Proxy: download, one
 * ffmpeg run, measuring, upload) with the plain ffmpeg command in bench.plain (a bash command line
 * reading $IN, writing under $OUT), bench.runs times each, and writes one line per run to bench.out.
 */
@EnabledIfSystemProperty(named = "bench.source", matches = ".+")
class TranscodeBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void alternateStageAndPlainFfmpeg() throws Exception {
        Path source = Path.of(System.getProperty("bench.source"));
        Path work = Files.createTempDirectory("clipflow-bench");
        int runs = Integer.getInteger("bench.runs", 3);
        String plain = System.getProperty("bench.plain");
        Path out = Path.of(System.getProperty("bench.out"));

        S3Client s3 = new AwsClients(Emulators.shared().lookup()).s3();
        String uploads = Emulators.uniqueName("uploads");
        String media = Emulators.uniqueName("media");
        s3.createBucket(b -> b.bucket(uploads));
        s3.createBucket(b -> b.bucket(media));
        String key = "uploads/chan-bench/vid-bench/source.mp4";
        s3.putObject(b -> b.bucket(uploads).key(key), RequestBody.fromFile(source));

        MediaInfo info = new FfprobeMediaProber(FfmpegBinaries.fromEnvironment()).probe(source);
        List<RenditionSpec> ladder = new LadderPlanner().plan(info);
        PipelineInput base = new PipelineInput(1, "vid-bench", "chan-bench",
                new SourceObject(uploads, key, Files.size(source), "e", null, null));
        String event = JSON.writeValueAsString(new TranscodeInput(1, base.videoId(), base.channelId(), base.source(),
                new ProbeResult(info, ladder, null)));

        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", TranscodeApplication.class.getName());
        System.setProperty("MEDIA_BUCKET", media);
        System.setProperty("WORK_DIR", work.toString());
        RequestIdFunctionInvoker invoker = new RequestIdFunctionInvoker("transcode");

        List<String> lines = new ArrayList<>();
        lines.add("# ladder " + ladder.stream().map(r -> r.name() + "=" + r.width() + "x" + r.height()).toList());
        lines.add("# kind run wall_s cpu_s (cpu: user+sys of this JVM and its finished children, /proc/self/stat)");
        for (int i = 1; i <= runs; i++) {
            double cpuBefore = cpuSeconds();
            double wall = plainRun(plain, source, work);
            lines.add(String.format(Locale.ROOT, "plain %d %.3f %.3f", i, wall, cpuSeconds() - cpuBefore));
            cpuBefore = cpuSeconds();
            long started = System.nanoTime();
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            invoker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), result,
                    (Context) null);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(result.toString(StandardCharsets.UTF_8)).contains("master.m3u8");
            lines.add(String.format(Locale.ROOT, "stage %d %.3f %.3f", i, seconds, cpuSeconds() - cpuBefore));
            System.out.println(lines.get(lines.size() - 2) + " / " + lines.getLast());
        }
        Files.write(out, lines);
    }

    /**
     * CPU seconds (user + system) of this JVM plus its waited-for children: robust to other load on
     * the machine, unlike wall time. Fields 14-17 of /proc/self/stat, in clock ticks of 1/100 s.
     */
    private static double cpuSeconds() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks / 100.0;
    }

    private static double plainRun(String command, Path source, Path work) throws Exception {
        Path dir = Files.createTempDirectory(work, "plain");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).inheritIO();
        pb.environment().put("IN", source.toString());
        pb.environment().put("OUT", dir.toString());
        long started = System.nanoTime();
        int exit = pb.start().waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(exit).as("plain ffmpeg exit code").isZero();
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        return seconds;
    }
}
