package dev.clipflow.socialapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON answers, and the one error shape: {@code {"error": "<CODE>", "message": "<sentence>"}}. */
final class ApiResponses {
    private final JsonMapper json;

    ApiResponses(JsonMapper json) {
        this.json = json;
    }

    APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body == null ? null : json.writeValueAsString(body))
                .withIsBase64Encoded(false)
                .build();
    }

    APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                .withHeaders(Map.of("Cache-Control", "no-store")).withIsBase64Encoded(false).build();
    }

    APIGatewayV2HTTPResponse error(int status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    APIGatewayV2HTTPResponse error(int status, String code, String message, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return json(status, body, headers);
    }
}
