package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.http.HttpEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is a 4xx with the error shape, never a 500, and nothing is stored. */
class HostileRequestsIT {
    private static ApiFixture fx;
    private static UploadApi api;
    private static String channelId;
    private static String openVideoId;

    @BeforeAll
    static void setUp() {
        fx = new ApiFixture();
        api = fx.api(Duration.ofMinutes(15));
        channelId = fx.channel("alice", ChannelLimits.DEFAULT);
        String otherChannel = fx.channel("alice", ChannelLimits.DEFAULT);
        openVideoId = ApiFixture.body(api.apply(post("/videos", "{\"channelId\":\"" + otherChannel + "\","
                + "\"title\":\"t\",\"sizeBytes\":1000,\"contentType\":\"video/mp4\"}"))).get("videoId").stringValue();
    }

    static Stream<Arguments> malformedCompletions() {
        String part = "{\"partNumber\": 1, \"eTag\": \"\\\"0123456789abcdef0123456789abcdef\\\"\"}";
        return Stream.of(
                Arguments.of("array of nulls", "[null, null]", "MALFORMED_JSON"),
                Arguments.of("JSON null", "null", "MALFORMED_JSON"),
                Arguments.of("JSON string", "\"parts\"", "MALFORMED_JSON"),
                Arguments.of("trailing garbage", "{\"parts\": [" + part + "]} {}", "MALFORMED_JSON"),
                Arguments.of("duplicate key", "{\"parts\": [" + part + "], \"parts\": []}", "MALFORMED_JSON"),
                Arguments.of("parts null", "{\"parts\": null}", "INVALID_REQUEST"),
                Arguments.of("parts an object", "{\"parts\": " + part + "}", "INVALID_REQUEST"),
                Arguments.of("null part", "{\"parts\": [null]}", "INVALID_REQUEST"),
                Arguments.of("number as part", "{\"parts\": [1]}", "INVALID_REQUEST"),
                Arguments.of("part number a string", "{\"parts\": [" + part.replace("1,", "\"1\",") + "]}",
                        "INVALID_REQUEST"),
                Arguments.of("part number fractional", "{\"parts\": [" + part.replace("1,", "1.5,") + "]}",
                        "INVALID_REQUEST"),
                Arguments.of("part number 1e300", "{\"parts\": [" + part.replace("1,", "1e300,") + "]}",
                        "INVALID_REQUEST"),
                Arguments.of("part number beyond long", "{\"parts\": ["
                        + part.replace("1,", "99999999999999999999999,") + "]}", "INVALID_REQUEST"),
                Arguments.of("part number beyond int", "{\"parts\": [" + part.replace("1,", "4294967297,") + "]}",
                        "INVALID_PARTS"),
                Arguments.of("negative part number", "{\"parts\": [" + part.replace("1,", "-1,") + "]}",
                        "INVALID_PARTS"),
                Arguments.of("part number zero", "{\"parts\": [" + part.replace("1,", "0,") + "]}", "INVALID_PARTS"),
                Arguments.of("duplicate parts", "{\"parts\": [" + part + ", " + part + "]}", "INVALID_PARTS"),
                Arguments.of("no parts", "{\"parts\": []}", "INVALID_PARTS"),
                Arguments.of("eTag null", "{\"parts\": [{\"partNumber\": 1, \"eTag\": null}]}", "INVALID_REQUEST"),
                Arguments.of("eTag a number", "{\"parts\": [{\"partNumber\": 1, \"eTag\": 7}]}", "INVALID_REQUEST"),
                Arguments.of("eTag empty", "{\"parts\": [{\"partNumber\": 1, \"eTag\": \"\"}]}", "INVALID_PARTS"),
                Arguments.of("eTag huge", "{\"parts\": [{\"partNumber\": 1, \"eTag\": \"" + "e".repeat(100_000)
                        + "\"}]}", "INVALID_PARTS"),
                Arguments.of("wrong eTag", "{\"parts\": [" + part + "]}", "INVALID_PARTS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCompletions")
    void complete_malformedBody_is400WithANamedErrorAndTheUploadStaysOpen(String name, String body, String code) {
        APIGatewayV2HTTPResponse response = api.apply(post("/videos/" + openVideoId + "/upload/complete", body));

        UploadApiIT.assertError(response, 400, code);
        assertThat(fx.videos.get(openVideoId).uploadId()).isNotNull();
    }

    static Stream<Arguments> hostile() {
        String ok = "\"title\":\"t\",\"sizeBytes\":100,\"contentType\":\"video/mp4\"";
        return Stream.of(
                Arguments.of("malformed JSON", post("/videos", "{\"channelId\": \"abc"), 400, "MALFORMED_JSON"),
                Arguments.of("JSON array", post("/videos", "[1,2,3]"), 400, "MALFORMED_JSON"),
                Arguments.of("empty body", post("/videos", null), 400, "MALFORMED_JSON"),
                Arguments.of("size as string", post("/videos", "{\"channelId\":\"CH\",\"title\":\"t\","
                        + "\"sizeBytes\":\"100\",\"contentType\":\"video/mp4\"}"), 400, "INVALID_REQUEST"),
                Arguments.of("size fractional", post("/videos", "{\"channelId\":\"CH\",\"title\":\"t\","
                        + "\"sizeBytes\":1.5,\"contentType\":\"video/mp4\"}"), 400, "INVALID_REQUEST"),
                Arguments.of("size beyond long", post("/videos", "{\"channelId\":\"CH\",\"title\":\"t\","
                        + "\"sizeBytes\":99999999999999999999999,\"contentType\":\"video/mp4\"}"), 400,
                                "INVALID_REQUEST"),
                Arguments.of("negative size", post("/videos", "{\"channelId\":\"CH\"," + ok.replace("100", "-1") + "}"),
                        400, "EMPTY_FILE"),
                Arguments.of("title as object", post("/videos", "{\"channelId\":\"CH\",\"title\":{\"a\":1},"
                        + "\"sizeBytes\":1,\"contentType\":\"video/mp4\"}"), 400, "INVALID_REQUEST"),
                Arguments.of("tags not strings", post("/videos", "{\"channelId\":\"CH\"," + ok + ",\"tags\":[1]}"),
                        400, "INVALID_REQUEST"),
                Arguments.of("title too long", post("/videos", "{\"channelId\":\"CH\"," + ok.replace("\"t\"",
                        "\"" + "x".repeat(101) + "\"") + "}"), 400, "INVALID_METADATA"),
                Arguments.of("channel id with slash", post("/videos", "{\"channelId\":\"../etc\"," + ok + "}"),
                        400, "INVALID_ID"),
                Arguments.of("missing channel id", post("/videos", "{" + ok + "}"), 400, "INVALID_REQUEST"),
                Arguments.of("oversized body", post("/videos", "{\"channelId\":\"CH\",\"description\":\""
                        + "x".repeat(70_000) + "\"," + ok + "}"), 413, "BODY_TOO_LARGE"),
                Arguments.of("bad base64", base64Garbage(), 400, "MALFORMED_JSON"),
                Arguments.of("deep nesting", post("/videos", "{\"a\":" + "[".repeat(60_000)), 400, "MALFORMED_JSON"),
                Arguments.of("base64 JSON", base64(post("/channels", b64("{\"name\": 42}"))), 400, "INVALID_REQUEST"),
                Arguments.of("unknown route", HttpEvents.request("GET", "/admin", "alice", null), 404, "NOT_FOUND"),
                Arguments.of("root", HttpEvents.request("GET", "/", "alice", null), 404, "NOT_FOUND"),
                Arguments.of("wrong method", HttpEvents.request("PUT", "/videos", "alice", "{}"), 405,
                        "METHOD_NOT_ALLOWED"),
                Arguments.of("id with upper case", HttpEvents.request("GET", "/videos/ABC", "alice", null), 400,
                        "INVALID_ID"),
                Arguments.of("id traversal", HttpEvents.request("GET", "/videos/..%2F..", "alice", null), 400,
                        "INVALID_ID"),
                Arguments.of("id too long", HttpEvents.request("GET", "/videos/" + "a".repeat(65), "alice", null),
                        400, "INVALID_ID"),
                Arguments.of("unknown video", HttpEvents.request("GET", "/videos/no-such-video", "alice", null),
                        404, "VIDEO_NOT_FOUND"),
                Arguments.of("no identity", HttpEvents.request("POST", "/channels", null, "{\"name\":\"x\"}"), 401,
                        "UNAUTHENTICATED"),
                Arguments.of("channel name blank", HttpEvents.request("POST", "/channels", "alice", "{\"name\":\" \"}"),
                        400, "INVALID_METADATA"),
                Arguments.of("bad cursor", HttpEvents.request("GET", "/channels/CH/videos", "alice", null,
                        Map.of("cursor", "!!!not-a-cursor")), 400, "INVALID_CURSOR"),
                Arguments.of("bad limit", HttpEvents.request("GET", "/channels/CH/videos", "alice", null,
                        Map.of("limit", "1000000")), 400, "INVALID_REQUEST"),
                Arguments.of("limit not a number", HttpEvents.request("GET", "/channels/CH/videos", "alice", null,
                        Map.of("limit", "ten")), 400, "INVALID_REQUEST"),
                Arguments.of("complete without parts", HttpEvents.request("POST",
                        "/videos/no-such-video/upload/complete",
                        "alice", "{\"parts\": 3}"), 400, "INVALID_REQUEST"),
                Arguments.of("complete unknown video", HttpEvents.request("POST",
                        "/videos/no-such-video/upload/complete",
                        "alice", "{\"parts\": [{\"partNumber\": 1, \"eTag\": \"x\"}]}"), 404, "VIDEO_NOT_FOUND"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void apply_hostileRequest_is4xxWithTheErrorShape(String name, APIGatewayV2HTTPEvent event, int status,
            String code) {
        APIGatewayV2HTTPResponse response = api.apply(withChannel(event));

        UploadApiIT.assertError(response, status, code);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void apply_nullOrEmptyEvent_is400() {
        assertThat(api.apply(null).getStatusCode()).isEqualTo(400);
        assertThat(api.apply(new APIGatewayV2HTTPEvent()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void apply_hostileRequests_storeNothing() {
        hostile().forEach(args -> api.apply(withChannel((APIGatewayV2HTTPEvent) args.get()[1])));

        assertThat(fx.videos.listByChannel(channelId, null, 10).items()).isEmpty();
        assertThat(fx.s3.listMultipartUploads(r -> r.bucket(fx.bucket)).uploads()).hasSize(1);
    }

    private static APIGatewayV2HTTPEvent withChannel(APIGatewayV2HTTPEvent event) {
        if (event.getBody() != null && !event.getIsBase64Encoded()) {
            event.setBody(event.getBody().replace("\"CH\"", "\"" + channelId + "\""));
        }
        if (event.getRawPath() != null) {
            event.setRawPath(event.getRawPath().replace("/CH/", "/" + channelId + "/"));
        }
        if (event.getPathParameters() != null) {
            event.getPathParameters().replaceAll((name, value) -> value.equals("CH") ? channelId : value);
        }
        return event;
    }

    private static APIGatewayV2HTTPEvent post(String path, String body) {
        return HttpEvents.request("POST", path, "alice", body);
    }

    private static APIGatewayV2HTTPEvent base64(APIGatewayV2HTTPEvent event) {
        event.setIsBase64Encoded(true);
        return event;
    }

    private static APIGatewayV2HTTPEvent base64Garbage() {
        APIGatewayV2HTTPEvent event = post("/videos", "%%%not base64%%%");
        event.setIsBase64Encoded(true);
        return event;
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
