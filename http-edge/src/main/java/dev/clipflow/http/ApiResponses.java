package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/** JSON answers, and the one error shape: {@code {"error": "<CODE>", "message": "<sentence>"}}. */
public final class ApiResponses {
    private final JsonMapper json;

    public ApiResponses(JsonMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    public APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    /** {@code body} as JSON (no body when null), {@code Content-Type: application/json}, never cached. */
    public APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
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

    public APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                .withHeaders(Map.of("Cache-Control", "no-store")).withIsBase64Encoded(false).build();
    }

    public APIGatewayV2HTTPResponse error(int status, String code, String message) {
        return error(new ApiError(status, code, message));
    }

    public APIGatewayV2HTTPResponse error(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("message", error.message());
        return json(error.status(), body, error.headers());
    }
}
