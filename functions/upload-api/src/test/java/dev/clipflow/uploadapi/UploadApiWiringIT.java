package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.SdkPriming;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.http.HttpEvents;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.lambda.SnapStartPriming;
import dev.clipflow.testing.Emulators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The deployed wiring: RequestIdFunctionInvoker -> bean uploadApi, with the sample events of events/. */
class UploadApiWiringIT {
    /** The SDK's logger of every request it sends (at DEBUG). */
    private static final String SDK_REQUESTS = "software.amazon.awssdk.request";
    private static ApiFixture fx;
    private static RequestIdFunctionInvoker invoker;

    @BeforeAll
    static void start() {
        fx = new ApiFixture();
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", UploadApiApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", fx.videosTable);
        System.setProperty("CHANNELS_TABLE", fx.channelsTable);
        System.setProperty("UPLOADS_BUCKET", fx.bucket);
        System.setProperty("MEDIA_BASE_URL", ApiFixture.MEDIA_BASE);
        System.setProperty("DELETION_STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:000000000000:stateMachine:clipflow-test-video-deletion");
        System.setProperty("VISIBILITY_STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:000000000000:stateMachine:clipflow-test-video-visibility");
        System.setProperty("CURSOR_SECRET_ARN", new AwsClients(Emulators.shared().lookup()).secretsManager()
                .createSecret(r -> r.name(Emulators.uniqueName("cursor-secret")).secretString(ApiFixture.SECRET))
                .arn());
        System.setProperty("MEDIA_SIGNING_KEY_PAIR_ID", ApiFixture.KEY_PAIR_ID);
        System.setProperty("MEDIA_SIGNING_KEY_SECRET_ARN", new AwsClients(Emulators.shared().lookup()).secretsManager()
                .createSecret(r -> r.name(Emulators.uniqueName("media-signing"))
                        .secretString(ApiFixture.SIGNING_KEY_PEM))
                .arn());
        invoker = new RequestIdFunctionInvoker("uploadApi");
    }

    @Test
    void createChannelEvent_createsAChannelOwnedByTheCaller() throws Exception {
        JsonNode response = invoke("api-create-channel.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(201);
        String channelId = ApiFixture.JSON.readTree(response.get("body").stringValue()).get("channelId").stringValue();
        assertThat(fx.channels.find(channelId)).hasValueSatisfying(c -> {
            assertThat(c.ownerId()).isEqualTo("5f1c2a9e-7b3d-4c1e-9a8f-0123456789ab");
            assertThat(c.name()).isEqualTo("Creator One's cats");
        });
    }

    @Test
    void createVideoEvent_returnsPresignedPartsAndStoresTheVideo() throws Exception {
        fx.channels.create(new Channel("example-channel", "5f1c2a9e-7b3d-4c1e-9a8f-0123456789ab", "Example",
                ChannelLimits.DEFAULT));

        JsonNode response = invoke("api-create-video.json");

        assertThat(response.get("statusCode").intValue()).as(response.toString()).isEqualTo(201);
        JsonNode body = ApiFixture.JSON.readTree(response.get("body").stringValue());
        assertThat(body.get("parts")).hasSize(2);
        assertThat(body.get("parts").get(0).get("url").stringValue()).contains("X-Amz-Signature=");
        Video video = fx.videos.get(body.get("videoId").stringValue());
        assertThat(video.title()).isEqualTo("My holiday + vidéo");
        assertThat(video.uploadKey()).endsWith("/my holiday + vidéo.mp4");
    }

    @Test
    void getVideoEvent_ownerSeesStatusAndCost() throws Exception {
        Instant now = Instant.now();
        fx.videos.create(new Video("example-video", "other-channel", "5f1c2a9e-7b3d-4c1e-9a8f-0123456789ab", "Example",
                "", List.of(), 1000, "video/mp4", "uploads/other-channel/example-video/a.mp4", "u-1",
                VideoStatus.AWAITING_UPLOAD, null, null, List.of(), null, Map.of(), now, now));

        JsonNode response = invoke("api-get-video.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        JsonNode body = ApiFixture.JSON.readTree(response.get("body").stringValue());
        assertThat(body.get("status").stringValue()).isEqualTo("AWAITING_UPLOAD");
        assertThat(body.get("cost").get("currency").stringValue()).isEqualTo("USD");
    }

    @Test
    void eventWithoutIdentity_is401() throws Exception {
        JsonNode response = invoke("api-no-identity.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(401);
        assertThat(ApiFixture.JSON.readTree(response.get("body").stringValue()).get("error").stringValue())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void completeEventWithAJsonArrayBody_is400MalformedJson() throws Exception {
        JsonNode response = invoke("api-complete-upload-array-body.json");

        assertThat(response.get("statusCode").intValue()).as(response.toString()).isEqualTo(400);
        assertThat(ApiFixture.JSON.readTree(response.get("body").stringValue()).get("error").stringValue())
                .isEqualTo("MALFORMED_JSON");
    }

    @Test
    void eventsWhoseBodyOrPayloadHeaderIsAJsonArray_reachTheApiWhole() throws Exception {
        String complete = new String(HttpEvents.bytes("api-complete-upload-array-body.json"), StandardCharsets.UTF_8);
        String getVideo = new String(HttpEvents.bytes("api-get-video.json"), StandardCharsets.UTF_8);

        String onePart = "[{\\\"partNumber\\\": 1, \\\"eTag\\\": \\\"x\\\"}]";
        for (String body : List.of("[]", "[1, 2, 3]", onePart, "[[null]]")) {
            JsonNode response = invoke(complete.replace("[null, null]", body).getBytes(StandardCharsets.UTF_8));
            assertThat(response.get("statusCode").intValue()).as(body + " " + response).isEqualTo(400);
        }
        JsonNode withHeader = invoke(getVideo.replace("\"host\":", "\"payload\": \"[1, 2]\", \"host\":")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(withHeader.has("statusCode")).as(withHeader.toString()).isTrue();
        assertThat(withHeader.get("statusCode").intValue()).isIn(200, 404);
    }

    /**
     * The hook sends the priming request through the handler (401 inside the JVM) and primes the API's first SDK
     * call, a video's GetItem, on the API's own client: marshalled (the SDK's "Sending Request" line, logged before
     * signing), signed with the priming credentials and aborted before transmission, so the SDK receives no
     * response. (SdkPrimingIT shows with a recording HTTP client that nothing is sent.)
     */
    @Test
    void snapStartPriming_beforeCheckpoint_sendsARequestThroughTheHandler_andPrimesTheSdkWithoutAnAwsCall()
            throws Exception {
        List<ILoggingEvent> primed = logged(() -> SnapStartPriming.global().beforeCheckpoint(null));

        assertThat(primed).filteredOn(e -> "snapstart-priming".equals(e.getMDCPropertyMap().get("awsRequestId")))
                .as("the API's one line for the priming request, logged through the handler")
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("GET /videos/{videoId} -> 401 ApiRequestRejectedException");
        assertThat(primed).filteredOn(e -> e.getLoggerName().equals(SdkPriming.class.getName()))
                .extracting(ILoggingEvent::getFormattedMessage).as("the SDK call primed")
                .containsExactly("SnapStart priming: DynamoDb.GetItem to 127.0.0.1 signed, not sent");
        assertThat(primed).filteredOn(e -> e.getLoggerName().equals(SDK_REQUESTS))
                .extracting(ILoggingEvent::getFormattedMessage).as("the SDK's request lines while priming")
                .singleElement().asString().startsWith("Sending Request: ").contains("X-Amz-Target")
                .doesNotContain("Authorization");
        assertThat(primed).as("responses the AWS SDK received while priming")
                .noneMatch(UploadApiWiringIT::sdkResponse);
        assertThat(primed).as("failed priming steps").noneMatch(e -> e.getLevel() == Level.WARN);
        assertThat(logged(() -> invoke("api-get-video.json")))
                .as("the same capture sees the responses of a request that reaches AWS")
                .anyMatch(UploadApiWiringIT::sdkResponse);
    }

    /** The SDK's line for a response it received ("Received successful response: 200, ..."). */
    private static boolean sdkResponse(ILoggingEvent e) {
        return e.getLoggerName().equals(SDK_REQUESTS) && e.getFormattedMessage().startsWith("Received");
    }

    /** The log events (SDK requests included) while {@code action} runs. */
    private static List<ILoggingEvent> logged(ThrowingRunnable action) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger sdk = (Logger) LoggerFactory.getLogger(SDK_REQUESTS);
        Level sdkLevel = sdk.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                event.prepareForDeferredProcessing(); // the MDC as the line was logged
                super.append(event);
            }
        };
        appender.start();
        root.addAppender(appender);
        sdk.setLevel(Level.DEBUG);
        try {
            action.run();
        } finally {
            sdk.setLevel(sdkLevel);
            root.detachAppender(appender);
        }
        return List.copyOf(appender.list);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static JsonNode invoke(String event) throws Exception {
        return invoke(HttpEvents.bytes(event));
    }

    private static JsonNode invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event), out, null);
        return ApiFixture.JSON.readTree(out.toByteArray());
    }
}
