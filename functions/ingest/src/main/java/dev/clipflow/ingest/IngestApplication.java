package dev.clipflow.ingest;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.aws.sfn.SfnExecutionStarter;
import dev.clipflow.catalog.upload.UploadIngest;
import dev.clipflow.pipeline.PipelineInput;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest function's application: bean {@code ingest} ({@link Ingest}). Configuration from the
 * environment: UPLOADS_BUCKET, VIDEOS_TABLE, CHANNELS_TABLE, STATE_MACHINE_ARN, EVENT_BUS_NAME
 * and the AWS_ENDPOINT_URL* overrides. No component scan: the one bean is declared here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class IngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestApplication.class, args);
    }

    @Bean
    public Ingest ingest(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        JsonMapper json = JsonMapper.builder().build();
        return new Ingest(new UploadIngest(
                new DynamoVideoRepository(dynamo, env.getRequiredProperty("VIDEOS_TABLE")),
                new DynamoChannelRepository(dynamo, env.getRequiredProperty("CHANNELS_TABLE")),
                new S3ObjectStore(aws.s3()),
                new SfnExecutionStarter(aws.sfn(), env.getRequiredProperty("STATE_MACHINE_ARN")),
                env.getRequiredProperty("UPLOADS_BUCKET"),
                (PipelineInput input) -> json.writeValueAsString(input),
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")), Clock.systemUTC()));
    }
}
