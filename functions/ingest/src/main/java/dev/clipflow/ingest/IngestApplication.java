package dev.clipflow.ingest;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.aws.sfn.SfnExecutionStarter;
import dev.clipflow.catalog.upload.UploadIngest;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.pipeline.PipelineInput;
import java.time.Clock;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest function's application: bean {@code ingest} ({@link Ingest}). Configuration from the
 * environment: UPLOADS_BUCKET, VIDEOS_TABLE, CHANNELS_TABLE, STATE_MACHINE_ARN, EVENT_BUS_NAME and the
 * AWS_ENDPOINT_URL* overrides. Functional registration (docs/adr/0015): no component scan, no
 * auto-configuration; Spring Cloud Function starts it with {@link FunctionalSpringApplication}.
 */
public class IngestApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(IngestApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "ingest", Ingest.class, () -> ingest(context.getEnvironment()));
    }

    /** The function's wiring (also the cold-start benchmark's auto-configured candidate's). */
    public static Ingest ingest(Environment env) {
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
