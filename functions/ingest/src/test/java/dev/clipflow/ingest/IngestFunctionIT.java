package dev.clipflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.FakeStepFunctions;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingest bean wired as Lambda runs it: RequestIdFunctionInvoker (Spring Cloud Function), MAIN_CLASS, the
 * real adapters against S3Proxy and Dynoxide, the SDK's Step Functions client against a loopback
 * fake of StartExecution, and the sample events in events/.
 */
class IngestFunctionIT {
    private static final String MACHINE =
            "arn:aws:states:us-east-1:111122223333:stateMachine:clipflow-test-video-pipeline";
    private static FakeStepFunctions sfn;
    private static RequestIdFunctionInvoker invoker;
    private static S3Client s3;
    private static VideoRepository videos;
    private static String bucket;

    @BeforeAll
    static void wire() throws Exception {
        Emulators emulators = Emulators.shared();
        AwsClients aws = new AwsClients(emulators.lookup());
        s3 = aws.s3();
        bucket = Emulators.uniqueName("uploads");
        s3.createBucket(b -> b.bucket(bucket));
        String videosTable = Emulators.uniqueName("videos");
        String channelsTable = Emulators.uniqueName("channels");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(aws.dynamoDb(), TemplateTables.CHANNELS, channelsTable);
        videos = new DynamoVideoRepository(aws.dynamoDb(), videosTable);
        sfn = new FakeStepFunctions();

        emulators.exportAsSystemProperties();
        System.setProperty("AWS_ENDPOINT_URL_SFN", sfn.endpoint().toString());
        System.setProperty("MAIN_CLASS", IngestApplication.class.getName());
        System.setProperty("UPLOADS_BUCKET", bucket);
        System.setProperty("VIDEOS_TABLE", videosTable);
        System.setProperty("CHANNELS_TABLE", channelsTable);
        System.setProperty("STATE_MACHINE_ARN", MACHINE);
        invoker = new RequestIdFunctionInvoker("ingest");
    }

    @AfterAll
    static void stop() {
        sfn.close();
    }

    @Test
    void handleRequest_sampleEventDeliveredThreeTimes_oneExecutionAndVideoProcessing() throws Exception {
        String key = "uploads/chan-example/vid-example/my holiday + vidéo.mp4";
        Instant now = Instant.now();
        videos.create(new Video("vid-example", "chan-example", "owner-1", "Holiday", "", List.of(), 1048576,
                "video/mp4", key, "upload-1", VideoStatus.AWAITING_UPLOAD, null, null, null, null, null, now, now));
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(new byte[1048576]));
        String event = Events.text("ingest-eventbridge.json").replace("clipflow-uploads-example", bucket);

        String first = invoke(event);
        invoke(event);
        invoke(event);

        assertThat(sfn.executionCount()).isEqualTo(1);
        assertThat(first).contains("\"result\":\"STARTED\"")
                .contains(MACHINE.replace(":stateMachine:", ":execution:") + ":vid-example-");
        assertThat(videos.get("vid-example").status()).isEqualTo(VideoStatus.PROCESSING);
    }

    @Test
    void handleRequest_keyOutsideLayoutEvent_answersRejectedKey() throws Exception {
        String out = invoke(Events.text("ingest-outside-layout.json").replace("clipflow-uploads-example", bucket));

        assertThat(out).contains("\"result\":\"REJECTED_KEY\"");
    }

    @Test
    void handleRequest_malformedEvent_throwsNamedException() {
        assertThatThrownBy(() -> invoke(Events.text("ingest-malformed.json")))
                .isInstanceOf(IngestEventMalformedException.class);
    }

    private static String invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
