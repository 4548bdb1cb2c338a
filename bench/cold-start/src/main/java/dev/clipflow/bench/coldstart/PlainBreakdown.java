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
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the plain handler's cold start goes: the steps {@link PlainIngestHandler} takes, one after the other in a
 * fresh JVM, each timed; a step pays for the classes it is the first to load. Prints {@code breakdown <step> <ms>}
 * lines, the first being the JVM's own start (JVM start time to {@code main}).
 */
public final class PlainBreakdown {
    private PlainBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        Map<String, Long> steps = new LinkedHashMap<>();
        long t = System.currentTimeMillis();
        steps.put("jvm-to-main", t - start);
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));

        LoggerFactory.getLogger(PlainBreakdown.class).debug("logging initialised");
        t = lap(steps, "logging-init (slf4j+logback)", t);

        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> event = json.readValue(bytes, new TypeReference<Map<String, Object>>() {
        });
        t = lap(steps, "jackson: mapper + parse event", t);

        AwsClients aws = new AwsClients(name -> System.getProperty(name, System.getenv(name)));
        t = lap(steps, "sdk: http client", t);
        var dynamo = aws.dynamoDb();
        t = lap(steps, "sdk: dynamodb client build", t);
        var s3 = aws.s3();
        t = lap(steps, "sdk: s3 client build", t);
        var sfn = aws.sfn();
        t = lap(steps, "sdk: sfn client build", t);

        Ingest ingest = new Ingest(new UploadIngest(
                new DynamoVideoRepository(dynamo, System.getProperty("VIDEOS_TABLE")),
                new DynamoChannelRepository(dynamo, System.getProperty("CHANNELS_TABLE")),
                new S3ObjectStore(s3),
                new SfnExecutionStarter(sfn, System.getProperty("STATE_MACHINE_ARN")),
                System.getProperty("UPLOADS_BUCKET"),
                (PipelineInput input) -> json.writeValueAsString(input),
                EventBridgeVideoEvents.forBus(aws, System.getProperty("EVENT_BUS_NAME")), Clock.systemUTC()));
        t = lap(steps, "domain: Ingest + adapters", t);

        var result = ingest.apply(event);
        t = lap(steps, "first event: DynamoDB GetItem + S3 DeleteObject", t);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.writeValue(out, result);
        t = lap(steps, "jackson: write result", t);
        if (!out.toString().contains("ORPHAN_DELETED")) {
            throw new IllegalStateException("Unexpected result: " + out);
        }
        steps.put("total", t - start);
        steps.forEach((step, ms) -> System.out.println("breakdown\t" + step + "\t" + ms));
    }

    private static long lap(Map<String, Long> steps, String step, long since) {
        long now = System.currentTimeMillis();
        steps.put(step, now - since);
        return now;
    }
}
