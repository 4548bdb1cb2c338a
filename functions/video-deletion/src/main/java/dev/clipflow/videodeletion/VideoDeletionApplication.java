package dev.clipflow.videodeletion;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.cloudfront.CloudFrontInvalidation;
import dev.clipflow.aws.dynamodb.DynamoDeletionRecords;
import dev.clipflow.aws.dynamodb.DynamoUnlisting;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.aws.sfn.SfnPipelineExecutions;
import dev.clipflow.catalog.deletion.DeletionWorkflow;
import dev.clipflow.lambda.FunctionBeans;
import java.time.Clock;
import java.time.Duration;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The video-deletion function's application: bean {@code videoDeletion} ({@link VideoDeletion}). Configuration:
 * VIDEOS_TABLE, FEEDS_TABLE, DISCOVERY_TABLE, MEDIA_BUCKET, UPLOADS_BUCKET, PIPELINE_STATE_MACHINE_ARN,
 * DISTRIBUTION_ID, IN_FLIGHT_TASK_SECONDS (how long to wait after stopping a pipeline execution before deleting
 * media, default 960), EVENT_BUS_NAME and the AWS_ENDPOINT_URL* overrides (AWS_ENDPOINT_URL_CLOUDFRONT: the local
 * runtime's CDN stand-in). Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class VideoDeletionApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(VideoDeletionApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "videoDeletion", VideoDeletion.class,
                () -> videoDeletion(context.getEnvironment()));
    }

    static VideoDeletion videoDeletion(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        String videosTable = env.getRequiredProperty("VIDEOS_TABLE");
        return new VideoDeletion(new DeletionWorkflow(
                new DynamoVideoRepository(dynamo, videosTable),
                new DynamoDeletionRecords(dynamo, videosTable, Clock.systemUTC()),
                new SfnPipelineExecutions(aws.sfn(), env.getRequiredProperty("PIPELINE_STATE_MACHINE_ARN")),
                DynamoUnlisting.of(dynamo, env.getRequiredProperty("FEEDS_TABLE"),
                        env.getRequiredProperty("DISCOVERY_TABLE")),
                new S3ObjectStore(aws.s3()),
                new CloudFrontInvalidation(aws.cloudFront(), env.getRequiredProperty("DISTRIBUTION_ID")),
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")),
                Clock.systemUTC(),
                env.getRequiredProperty("MEDIA_BUCKET"),
                env.getRequiredProperty("UPLOADS_BUCKET"),
                Duration.ofSeconds(env.getProperty("IN_FLIGHT_TASK_SECONDS", Long.class, 960L))));
    }
}
