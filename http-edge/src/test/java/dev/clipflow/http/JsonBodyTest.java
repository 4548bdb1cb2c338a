package dev.clipflow.http;

import static dev.clipflow.http.ApiCallTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void jsonBody_base64Body_isDecodedFirst() {
        JsonBody body = body(b64("{\"name\":\"Café\"}"), true, 100);

        assertThat(body.string("name", true)).isEqualTo("Café");
    }

    @Test
    void hasAndFieldNames_tellAbsentFromNull_inTheOrderSent() {
        JsonBody body = body("{\"title\": \"T\", \"description\": null, \"zeta\": 1}", false, 100);

        assertThat(body.has("description")).isTrue();
        assertThat(body.has("tags")).isFalse();
        assertThat(body.fieldNames()).containsExactly("title", "description", "zeta");
    }

    @Test
    void jsonBody_invalidBase64_is400MalformedJson() {
        assertRejected(() -> body("%%%not base64%%%", true, 100), 400, "MALFORMED_JSON")
                .hasMessage("The request body is not valid base64.");
    }

    @Test
    void jsonBody_missingBlankOrNotAnObject_is400MalformedJson() {
        assertRejected(() -> body(null, false, 100), 400, "MALFORMED_JSON");
        assertRejected(() -> body("  ", false, 100), 400, "MALFORMED_JSON");
        assertRejected(() -> body("{\"a\": ", false, 100), 400, "MALFORMED_JSON");
        assertRejected(() -> body("[1,2]", false, 100), 400, "MALFORMED_JSON")
                .hasMessage("The request body must be a JSON object.");
        assertRejected(() -> body("{\"a\":" + "[".repeat(5_000), false, 10_000), 400, "MALFORMED_JSON");
    }

    @Test
    void jsonBody_repeatedKeyOrTrailingContent_is400MalformedJson() {
        assertRejected(() -> body("{\"a\": 1, \"a\": 2}", false, 100), 400, "MALFORMED_JSON");
        assertRejected(() -> body("{\"o\": {\"b\": 1, \"b\": 1}}", false, 100), 400, "MALFORMED_JSON");
        assertRejected(() -> body("{\"a\": 1} {\"a\": 2}", false, 100), 400, "MALFORMED_JSON");
        assertRejected(() -> body("{\"a\": 1}]", false, 100), 400, "MALFORMED_JSON");
    }

    @Test
    void jsonBody_overMaxBytes_is413BodyTooLarge() {
        String eleven = "{\"a\":\"xx\"}" + " ";
        assertThat(body(eleven.strip(), false, 10).string("a", true)).isEqualTo("xx");
        assertRejected(() -> body(eleven, false, 10), 413, "BODY_TOO_LARGE")
                .hasMessage("The request body is larger than 10 bytes.");
    }

    @Test
    void jsonBody_multiByteCharactersOverMaxBytes_is413() {
        String text = "{\"a\":\"éé\"}";
        assertThat(text.length()).isLessThanOrEqualTo(11);

        assertRejected(() -> body(text, false, 11), 413, "BODY_TOO_LARGE");
    }

    @Test
    void jsonBody_base64DecodingOverMaxBytes_is413_evenWhenTheEncodingIsWithinBounds() {
        String decodesTo11 = b64("{\"a\":\"xx\"} ");
        assertThat(decodesTo11.length()).isLessThanOrEqualTo(10 * 4 / 3 + 4);

        assertRejected(() -> body(decodesTo11, true, 10), 413, "BODY_TOO_LARGE");
        assertRejected(() -> body("A".repeat(10 * 4 / 3 + 5), true, 10), 413, "BODY_TOO_LARGE");
    }

    @Test
    void string_missingOrWrongType_is400InvalidRequestNamingTheField() {
        JsonBody body = body("{\"title\":{\"a\":1},\"blank\":null}", false, 100);

        assertThat(body.string("blank", false)).isNull();
        assertRejected(() -> body.string("name", true), 400, "INVALID_REQUEST")
                .hasMessage("The field 'name' is required.");
        assertRejected(() -> body.string("title", true), 400, "INVALID_REQUEST")
                .hasMessage("The field 'title' must be a string.");
    }

    @Test
    void wholeNumber_fractionalStringOrBeyondLong_is400InvalidRequest() {
        JsonBody body = body("{\"a\":1.5,\"b\":\"1\",\"c\":99999999999999999999999,\"d\":42}", false, 200);

        assertThat(body.wholeNumber("d")).isEqualTo(42);
        for (String field : new String[] {"a", "b", "c"}) {
            assertRejected(() -> body.wholeNumber(field), 400, "INVALID_REQUEST")
                    .hasMessage("The field '" + field + "' must be a whole number.");
        }
        assertRejected(() -> body.wholeNumber("missing"), 400, "INVALID_REQUEST");
    }

    @Test
    void stringsAndObjects_wrongShapes_are400InvalidRequest() {
        JsonBody body = body("{\"tags\":[\"a\",\"b\"],\"bad\":[1],\"parts\":[{\"n\":1}],\"notParts\":[1]}", false,
                200);

        assertThat(body.strings("tags")).containsExactly("a", "b");
        assertThat(body.strings("absent")).isEmpty();
        assertRejected(() -> body.strings("bad"), 400, "INVALID_REQUEST");
        assertThat(body.objects("parts")).singleElement().satisfies(p -> assertThat(p.wholeNumber("n")).isEqualTo(1));
        assertRejected(() -> body.objects("notParts"), 400, "INVALID_REQUEST");
        assertRejected(() -> body.objects("absent"), 400, "INVALID_REQUEST");
    }

    private static JsonBody body(String body, boolean base64, int maxBytes) {
        APIGatewayV2HTTPEvent event = HttpEvents.request("POST", "/videos", "alice", body);
        event.setIsBase64Encoded(base64);
        return ApiCall.of(event).jsonBody(JSON, maxBytes);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
