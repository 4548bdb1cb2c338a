package dev.clipflow.sweeper;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoDeletionRecords;
import dev.clipflow.aws.dynamodb.DynamoStaleVideos;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3MultipartUploads;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.aws.sfn.SfnExecutionStarter;
import dev.clipflow.catalog.deletion.DeletionRestarts;
import dev.clipflow.catalog.sweep.StaleVideoSweep;
import dev.clipflow.catalog.sweep.SweepWindows;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.media.VideoOutputs;
import java.time.Clock;
import java.time.Duration;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The sweeper function's application: bean {@code sweeper} ({@link Sweeper}). Configuration: VIDEOS_TABLE,
 * UPLOADS_BUCKET, MEDIA_BUCKET, EVENT_BUS_NAME, DELETION_STATE_MACHINE_ARN, UPLOAD_WINDOW_SECONDS,
 * PROCESSING_WINDOW_SECONDS and DELETION_WINDOW_SECONDS (set by the template, which derives them: docs/adr/0010,
 * 0014) and the AWS_ENDPOINT_URL* overrides.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class SweeperApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(SweeperApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "sweeper", Sweeper.class, () -> sweeper(context.getEnvironment()));
    }

    static Sweeper sweeper(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        String videosTable = env.getRequiredProperty("VIDEOS_TABLE");
        SweepWindows windows = new SweepWindows(seconds(env, "UPLOAD_WINDOW_SECONDS"),
                seconds(env, "PROCESSING_WINDOW_SECONDS"), seconds(env, "DELETION_WINDOW_SECONDS"));
        DeletionRestarts deletions = new DeletionRestarts(
                new DynamoDeletionRecords(aws.dynamoDb(), videosTable, Clock.systemUTC()),
                new SfnExecutionStarter(aws.sfn(), env.getRequiredProperty("DELETION_STATE_MACHINE_ARN")));
        return new Sweeper(new StaleVideoSweep(
                new DynamoVideoRepository(aws.dynamoDb(), videosTable),
                new DynamoStaleVideos(aws.dynamoDb(), videosTable),
                new S3MultipartUploads(aws.s3(), aws.s3Presigner(), env.getRequiredProperty("UPLOADS_BUCKET")),
                new VideoOutputs(new S3ObjectStore(aws.s3()), env.getRequiredProperty("MEDIA_BUCKET")),
                windows, Clock.systemUTC(), StaleVideoSweep.DEFAULT_BUDGET,
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")), deletions));
    }

    private static Duration seconds(Environment env, String name) {
        String value = env.getRequiredProperty(name);
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number of seconds, not '" + value + "'", e);
        }
    }
}
