package dev.clipflow.stitch;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.pipeline.TranscodeResult;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/**
 * The stitch function's application: bean {@code stitch} ({@link Stitch}). Configuration:
 * VIDEOS_TABLE and EVENT_BUS_NAME (the stage's progress and events), MEDIA_BUCKET, WORK_DIR
 * (default /tmp), AWS_LAMBDA_FUNCTION_MEMORY_SIZE (when there is no Lambda context) and the AWS_ENDPOINT_URL*
 * overrides. It needs no ffmpeg: the sprite is tiled in Java.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StitchApplication {

    public static void main(String[] args) {
        SpringApplication.run(StitchApplication.class, args);
    }

    @Bean
    public Stitch stitchStage(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        return new Stitch(new S3ObjectStore(aws.s3()), env.getRequiredProperty("MEDIA_BUCKET"),
                env.getProperty("WORK_DIR", "/tmp"),
                env.getProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.class, 1024),
                EventBridgeVideoEvents.stageProgress(aws, env.getProperty("VIDEOS_TABLE"),
                        env.getProperty("EVENT_BUS_NAME")));
    }

    /** The Lambda entry: the context, when there is one, reports the configured memory. */
    @Bean
    public Function<Message<StitchInput>, TranscodeResult> stitch(Stitch stitchStage) {
        return message -> {
            Object context = message.getHeaders().get(AWSLambdaUtils.AWS_CONTEXT);
            return context instanceof Context c && c.getMemoryLimitInMB() > 0
                    ? stitchStage.apply(message.getPayload(), c.getMemoryLimitInMB())
                    : stitchStage.apply(message.getPayload());
        };
    }
}
