package dev.clipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiResponsesTest {
    private final ApiResponses responses = new ApiResponses(JsonMapper.builder().build());

    @Test
    void json_body_isJsonNeverCached_withExtraHeadersLast() {
        APIGatewayV2HTTPResponse response = responses.json(201, Map.of("videoId", "v1"), Map.of("Location", "/v"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo("{\"videoId\":\"v1\"}");
        assertThat(response.getHeaders()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("Cache-Control", "no-store"), Map.entry("Location", "/v"));
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    @Test
    void json_nullBody_hasNoBody() {
        assertThat(responses.json(200, null).getBody()).isNull();
    }

    @Test
    void noContent_is204WithoutBodyOrContentType() {
        APIGatewayV2HTTPResponse response = responses.noContent();

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).containsExactly(Map.entry("Cache-Control", "no-store"));
    }

    @Test
    void error_isTheErrorShapeInOrder() {
        assertThat(responses.error(409, "CONFLICT", "Not now.").getBody())
                .isEqualTo("{\"error\":\"CONFLICT\",\"message\":\"Not now.\"}");
    }
}
