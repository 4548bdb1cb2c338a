package dev.clipflow.videovisibility;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.cloudfront.CloudFrontInvalidation;
import dev.clipflow.aws.dynamodb.DynamoUnlisting;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.DynamoVisibilityChangeRecords;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.catalog.visibility.VisibilityChangeWorkflow;
import dev.clipflow.lambda.FunctionBeans;
import java.time.Clock;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The video-visibility function's application: bean {@code videoVisibility} ({@link VideoVisibility}). Configuration:
 * VIDEOS_TABLE, FEEDS_TABLE, DISCOVERY_TABLE, MEDIA_BUCKET, DISTRIBUTION_ID, EVENT_BUS_NAME and the AWS_ENDPOINT_URL*
 * overrides (AWS_ENDPOINT_URL_CLOUDFRONT: the local runtime's CDN stand-in). Functional registration (docs/adr/0015):
 * no component scan, no auto-configuration.
 */
public class VideoVisibilityApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(VideoVisibilityApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "videoVisibility", VideoVisibility.class,
                () -> videoVisibility(context.getEnvironment()));
    }

    static VideoVisibility videoVisibility(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        String videosTable = env.getRequiredProperty("VIDEOS_TABLE");
        return new VideoVisibility(new VisibilityChangeWorkflow(
                new DynamoVideoRepository(dynamo, videosTable),
                new DynamoVisibilityChangeRecords(dynamo, videosTable, Clock.systemUTC()),
                DynamoUnlisting.of(dynamo, env.getRequiredProperty("FEEDS_TABLE"),
                        env.getRequiredProperty("DISCOVERY_TABLE")),
                new S3ObjectStore(aws.s3()),
                new CloudFrontInvalidation(aws.cloudFront(), env.getRequiredProperty("DISTRIBUTION_ID")),
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")),
                Clock.systemUTC(),
                env.getRequiredProperty("MEDIA_BUCKET")));
    }
}
