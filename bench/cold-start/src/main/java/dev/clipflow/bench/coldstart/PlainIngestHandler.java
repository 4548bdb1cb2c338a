package dev.clipflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3ObjectStore;
import dev.clipflow.aws.sfn.SfnExecutionStarter;
import dev.clipflow.catalog.upload.UploadIngest;
import dev.clipflow.ingest.Ingest;
import dev.clipflow.pipeline.PipelineInput;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the same ingest domain code and the same SDK clients as the ingest function,
 * behind a plain {@code aws-lambda-java-core} handler (no Spring). Clients are built in the
 * constructor, as the Lambda runtime builds the handler once per sandbox.
 */
public final class PlainIngestHandler implements RequestStreamHandler {
    private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
    };

    private final JsonMapper json = JsonMapper.builder().build();
    private final Ingest ingest;

    public PlainIngestHandler() {
        AwsClients aws = new AwsClients(name -> System.getProperty(name, System.getenv(name)));
        var dynamo = aws.dynamoDb();
        this.ingest = new Ingest(new UploadIngest(
                new DynamoVideoRepository(dynamo, required("VIDEOS_TABLE")),
                new DynamoChannelRepository(dynamo, required("CHANNELS_TABLE")),
                new S3ObjectStore(aws.s3()),
                new SfnExecutionStarter(aws.sfn(), required("STATE_MACHINE_ARN")),
                required("UPLOADS_BUCKET"),
                (PipelineInput input) -> json.writeValueAsString(input),
                EventBridgeVideoEvents.forBus(aws,
                        System.getProperty("EVENT_BUS_NAME", System.getenv("EVENT_BUS_NAME"))),
                Clock.systemUTC()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Map<String, Object> event = json.readValue(input, EVENT);
        json.writeValue(output, ingest.apply(event));
    }

    private static String required(String name) {
        String value = System.getProperty(name, System.getenv(name));
        if (value == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
