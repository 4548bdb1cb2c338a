package dev.clipflow.transcode;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.ffmpeg.FfmpegBinaries;
import dev.clipflow.ffmpeg.FfmpegTranscoder;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.lambda.LambdaStage;
import dev.clipflow.pipeline.TranscodeResult;
import java.time.Duration;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The transcode function's application: bean {@code transcode} ({@link Transcode}). Configuration:
 * MEDIA_BUCKET, FFMPEG_PATH / FFPROBE_PATH (else /opt/bin, else PATH), WORK_DIR (default /tmp),
 * X264_PRESET (default veryfast), TRANSCODE_BUDGET_SECONDS (the time budget when there is no Lambda
 * context, default 840), AWS_LAMBDA_FUNCTION_MEMORY_SIZE and the AWS_ENDPOINT_URL* overrides.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class TranscodeApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(TranscodeApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.registerStage(context, "transcode", TranscodeInput.class, TranscodeResult.class,
                () -> entry(transcodeStage(context.getEnvironment())));
    }

    static Transcode transcodeStage(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        return new Transcode(new S3ObjectStore(aws.s3()),
                new FfmpegTranscoder(FfmpegBinaries.from(env::getProperty),
                        env.getProperty("X264_PRESET", FfmpegTranscoder.DEFAULT_PRESET)),
                env.getRequiredProperty("MEDIA_BUCKET"), env.getProperty("WORK_DIR", "/tmp"),
                env.getProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.class, 1024),
                Duration.ofSeconds(env.getProperty("TRANSCODE_BUDGET_SECONDS", Long.class, 840L)),
                EventBridgeVideoEvents.stageProgress(aws, env.getProperty("VIDEOS_TABLE"),
                        env.getProperty("EVENT_BUS_NAME")));
    }

    /** The Lambda entry: the context, when there is one, gives the memory size and the time left. */
    static LambdaStage<TranscodeInput, TranscodeResult> entry(Transcode stage) {
        return new LambdaStage<>(stage::apply,
                (input, invocation) -> stage.apply(input, invocation.memoryMb(), invocation.remaining()));
    }
}
