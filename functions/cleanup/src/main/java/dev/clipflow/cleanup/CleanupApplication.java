package dev.clipflow.cleanup;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.lambda.FunctionBeans;
import java.time.Clock;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The cleanup function's application: bean {@code cleanup} ({@link Cleanup}). Configuration:
 * VIDEOS_TABLE, MEDIA_BUCKET, EVENT_BUS_NAME and the AWS_ENDPOINT_URL* overrides.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class CleanupApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(CleanupApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "cleanup", Cleanup.class, () -> cleanup(context.getEnvironment()));
    }

    static Cleanup cleanup(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        return new Cleanup(
                new DynamoVideoRepository(aws.dynamoDb(), env.getRequiredProperty("VIDEOS_TABLE")),
                new S3ObjectStore(aws.s3()),
                env.getRequiredProperty("MEDIA_BUCKET"),
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")), Clock.systemUTC());
    }
}
