package dev.clipflow.probe;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.cost.CostCeiling;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import dev.clipflow.ffmpeg.FfmpegBinaries;
import dev.clipflow.ffmpeg.FfprobeMediaProber;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.lambda.LambdaStage;
import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.MediaLimits;
import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.ProbeResult;
import java.math.BigDecimal;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The probe function's application: bean {@code probe} ({@link Probe}). Configuration:
 * VIDEOS_TABLE and EVENT_BUS_NAME (the stage's progress and events), FFPROBE_PATH
 * (else /opt/bin/ffprobe, else PATH), MAX_SOURCE_SECONDS (the longest source
 * of any channel, default {@link MediaLimits#DEFAULT}), CHUNK_SECONDS, CHUNKED_ABOVE_SECONDS and CHUNK_CONCURRENCY
 * (the {@link ChunkPlanner}'s, defaults 40, 120 and 100), MAX_VIDEO_COST_USD (the {@link CostCeiling} of channels
 * without their own, default 5.00) and PRICE_TABLE (its prices), AWS_LAMBDA_FUNCTION_MEMORY_SIZE (when there is no
 * Lambda context)
 * and the AWS_ENDPOINT_URL* overrides.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class ProbeApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(ProbeApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.registerStage(context, "probe", PipelineInput.class, ProbeResult.class,
                () -> entry(probeStage(context.getEnvironment())));
    }

    static Probe probeStage(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        MediaLimits limits = new MediaLimits(
                env.getProperty("MAX_SOURCE_SECONDS", Double.class, MediaLimits.DEFAULT.maxDurationSeconds()),
                MediaLimits.DEFAULT.maxLongSide());
        ChunkPlanner chunks = new ChunkPlanner(
                env.getProperty("CHUNK_SECONDS", Integer.class, ChunkPlanner.DEFAULT_CHUNK_SECONDS),
                env.getProperty("CHUNKED_ABOVE_SECONDS", Double.class, ChunkPlanner.DEFAULT_CHUNKED_ABOVE_SECONDS),
                env.getProperty("CHUNK_CONCURRENCY", Integer.class, ChunkPlanner.DEFAULT_MAX_CONCURRENCY));
        CostCeiling ceiling = new CostCeiling(new BigDecimal(
                env.getProperty("MAX_VIDEO_COST_USD", CostCeiling.DEFAULT_MAX_USD.toPlainString()).strip()));
        return new Probe(new S3ObjectStore(aws.s3()), new FfprobeMediaProber(FfmpegBinaries.from(env::getProperty)),
                new LadderPlanner(), chunks, limits, ceiling,
                new CostEstimator(PriceTable.parse(env.getProperty("PRICE_TABLE"))),
                env.getProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.class, 1024),
                EventBridgeVideoEvents.stageProgress(aws, env.getProperty("VIDEOS_TABLE"),
                        env.getProperty("EVENT_BUS_NAME")));
    }

    /** The Lambda entry: the context, when there is one, reports the configured memory. */
    static LambdaStage<PipelineInput, ProbeResult> entry(Probe stage) {
        return new LambdaStage<>(stage::apply, (input, invocation) -> stage.apply(input, invocation.memoryMb()));
    }
}
