package dev.clipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiErrorsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiResponses responses = new ApiResponses(JSON);
    private final ApiErrors errors = new ApiErrors(responses, e -> Optional.ofNullable(switch (e) {
        case IllegalStateException s -> new ApiError(409, "CONFLICT", s.getMessage() + ".");
        case UnsupportedOperationException u -> ApiError.serviceBusy();
        default -> null;
    }));

    @Test
    void answer_rejection_isItsStatusCodeAndMessage() {
        APIGatewayV2HTTPResponse response = errors.answer(ApiRequestRejectedException.notFound());

        assertError(response, 404, "NOT_FOUND", "There is no such resource.");
        assertThat(response.getHeaders()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Content-Type", "application/json", "Cache-Control", "no-store"));
    }

    @Test
    void answer_commonRejections_keepTheirCodes() {
        assertError(errors.answer(new ApiRequestRejectedException(401, "UNAUTHENTICATED", "Sign in.")), 401,
                "UNAUTHENTICATED", "Sign in.");
        assertError(errors.answer(new ApiRequestRejectedException(400, "MALFORMED_JSON", "Not JSON.")), 400,
                "MALFORMED_JSON", "Not JSON.");
        assertError(errors.answer(ApiRequestRejectedException.invalidId()), 400, "INVALID_ID",
                "Ids are 3 to 64 lower-case letters, digits and dashes.");
    }

    @Test
    void answer_methodNotAllowed_is405WithAllowHeader() {
        APIGatewayV2HTTPResponse response = errors.answer(ApiRequestRejectedException.methodNotAllowed("POST, DELETE"));

        assertError(response, 405, "METHOD_NOT_ALLOWED", "This resource accepts POST, DELETE only.");
        assertThat(response.getHeaders()).containsEntry("Allow", "POST, DELETE");
    }

    @Test
    void answer_domainException_isTheApisMapping() {
        assertError(errors.answer(new IllegalStateException("Video v1 is already published")), 409, "CONFLICT",
                "Video v1 is already published.");
        APIGatewayV2HTTPResponse busy = errors.answer(new UnsupportedOperationException("throttled"));
        assertError(busy, 503, "UNAVAILABLE", "The service is busy; try again in a few seconds.");
        assertThat(busy.getHeaders()).containsEntry("Retry-After", "2").containsEntry("Cache-Control", "no-store");
    }

    @Test
    void answer_domainExceptionWithoutMessage_isStillItsAnswer() {
        APIGatewayV2HTTPResponse response = new ApiErrors(responses,
                e -> Optional.of(new ApiError(400, "INVALID_METADATA", e.getMessage()))).answer(new RuntimeException());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"INVALID_METADATA\",\"message\":null}");
    }

    @Test
    void answer_rejection_isNotHandedToTheDomainMapping() {
        ApiErrors greedy = new ApiErrors(responses, e -> Optional.of(new ApiError(418, "TEAPOT", "No.")));

        assertError(greedy.answer(ApiRequestRejectedException.notFound()), 404, "NOT_FOUND",
                "There is no such resource.");
        assertError(greedy.answer(new IllegalStateException("x")), 418, "TEAPOT", "No.");
    }

    @Test
    void answer_unknownException_is500ThatLeaksNothing_andIsLogged() {
        APIGatewayV2HTTPResponse response;
        try (LogCapture logs = new LogCapture()) {
            response = errors.answer(new IllegalArgumentException("table secret-table-name is missing"));

            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("Unexpected failure")
                    .contains("java.lang.IllegalArgumentException"));
        }
        assertError(response, 500, "INTERNAL_ERROR", "Something went wrong on our side; try again later.");
        assertThat(response.getBody()).doesNotContain("secret", "IllegalArgument");
    }

    static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String message) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(JSON.readTree(response.getBody()).propertyNames()).containsExactly("error", "message");
        assertThat(JSON.readTree(response.getBody()).get("error").stringValue()).isEqualTo(code);
        assertThat(JSON.readTree(response.getBody()).get("message").stringValue()).isEqualTo(message);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }
}
