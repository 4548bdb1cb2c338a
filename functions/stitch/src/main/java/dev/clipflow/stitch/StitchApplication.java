package dev.clipflow.stitch;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.lambda.LambdaStage;
import dev.clipflow.pipeline.TranscodeResult;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The stitch function's application: bean {@code stitch} ({@link Stitch}). Configuration:
 * VIDEOS_TABLE and EVENT_BUS_NAME (the stage's progress and events), MEDIA_BUCKET, WORK_DIR
 * (default /tmp), AWS_LAMBDA_FUNCTION_MEMORY_SIZE (when there is no Lambda context) and the AWS_ENDPOINT_URL*
 * overrides. It needs no ffmpeg: the sprite is tiled in Java.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class StitchApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(StitchApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.registerStage(context, "stitch", StitchInput.class, TranscodeResult.class,
                () -> entry(stitchStage(context.getEnvironment())));
    }

    static Stitch stitchStage(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        return new Stitch(new S3ObjectStore(aws.s3()), env.getRequiredProperty("MEDIA_BUCKET"),
                env.getProperty("WORK_DIR", "/tmp"),
                env.getProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.class, 1024),
                EventBridgeVideoEvents.stageProgress(aws, env.getProperty("VIDEOS_TABLE"),
                        env.getProperty("EVENT_BUS_NAME")));
    }

    /** The Lambda entry: the context, when there is one, reports the configured memory. */
    static LambdaStage<StitchInput, TranscodeResult> entry(Stitch stage) {
        return new LambdaStage<>(stage::apply, (input, invocation) -> stage.apply(input, invocation.memoryMb()));
    }
}
