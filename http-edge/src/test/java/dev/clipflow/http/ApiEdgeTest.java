package dev.clipflow.http;

import static dev.clipflow.http.ApiErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

class ApiEdgeTest {
    private final ApiResponses responses = new ApiResponses(JsonMapper.builder().build());
    private final ApiEdge edge = new ApiEdge(LoggerFactory.getLogger("dev.clipflow.example.ExampleApi"),
            new ApiErrors(responses, e -> Optional.empty()), segments -> "/videos/{id}");

    @Test
    void handle_routedCall_isTheRoutesAnswer_loggedByRouteTemplate() {
        try (LogCapture logs = new LogCapture()) {
            APIGatewayV2HTTPResponse response = edge.handle(
                    HttpEvents.request("get", "/videos/secret-video", "alice", null, Map.of("q", "secret-q")),
                    call -> responses.json(200, Map.of("id", call.id(1), "user", call.requireUser())));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains("secret-video", "alice");
            assertThat(logs.lines()).containsExactly("dev.clipflow.example.ExampleApi GET /videos/{id} -> 200");
        }
    }

    @Test
    void handle_routesThrow_isTheMappedAnswer_loggedWithTheExceptionName() {
        try (LogCapture logs = new LogCapture()) {
            APIGatewayV2HTTPResponse response = edge.handle(HttpEvents.request("POST", "/videos/x", null, "{}"),
                    call -> {
                        call.requireUser();
                        return responses.json(200, Map.of());
                    });

            assertError(response, 401, "UNAUTHENTICATED", "Sign in: the request carries no identity.");
            assertThat(logs.lines()).containsExactly(
                    "dev.clipflow.example.ExampleApi POST /videos/{id} -> 401 ApiRequestRejectedException");
        }
    }

    @Test
    void handle_unparsableEvent_is400_loggedAsUnrouted() {
        try (LogCapture logs = new LogCapture()) {
            APIGatewayV2HTTPResponse response = edge.handle(null, call -> responses.json(200, Map.of()));

            assertError(response, 400, "INVALID_REQUEST", "The request is empty.");
            assertThat(logs.lines()).containsExactly(
                    "dev.clipflow.example.ExampleApi unrouted -> 400 ApiRequestRejectedException");
        }
    }

    @Test
    void handle_routesFailUnexpectedly_is500() {
        APIGatewayV2HTTPResponse response = edge.handle(HttpEvents.request("GET", "/videos/abc", "alice", null),
                call -> {
                    throw new IllegalStateException("boom");
                });

        assertError(response, 500, "INTERNAL_ERROR", "Something went wrong on our side; try again later.");
    }
}
