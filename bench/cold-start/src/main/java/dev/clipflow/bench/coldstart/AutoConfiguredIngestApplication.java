package dev.clipflow.bench.coldstart;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.aws.sfn.SfnExecutionStarter;
import dev.clipflow.catalog.upload.UploadIngest;
import dev.clipflow.ingest.Ingest;
import dev.clipflow.pipeline.PipelineInput;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lever's "before": the ingest application as it was before functional registration (issue 13), an
 * annotated configuration with Spring Boot's auto-configuration, the same bean. Benchmark mode
 * {@code scf-autoconfig}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class AutoConfiguredIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(AutoConfiguredIngestApplication.class, args);
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
