package dev.clipflow.cleanup;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The cleanup function's application: bean {@code cleanup} ({@link Cleanup}). Configuration:
 * VIDEOS_TABLE, MEDIA_BUCKET, EVENT_BUS_NAME and the AWS_ENDPOINT_URL* overrides.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class CleanupApplication {

    public static void main(String[] args) {
        SpringApplication.run(CleanupApplication.class, args);
    }

    @Bean
    public Cleanup cleanup(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        return new Cleanup(
                new DynamoVideoRepository(aws.dynamoDb(), env.getRequiredProperty("VIDEOS_TABLE")),
                new S3ObjectStore(aws.s3()),
                env.getRequiredProperty("MEDIA_BUCKET"),
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")), Clock.systemUTC());
    }
}
