package dev.clipflow.http;

import static dev.clipflow.http.ApiErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

class ApiEdgeTest {
    private final ApiResponses responses = new ApiResponses(JsonMapper.builder().build());

    private ApiEdge edge(Function<ApiCall, APIGatewayV2HTTPResponse> getVideo) {
        ApiRouter router = ApiRouter.builder().route("GET /videos/{videoId}", getVideo).build();
        return new ApiEdge(LoggerFactory.getLogger("dev.clipflow.example.ExampleApi"),
                new ApiErrors(responses, e -> Optional.empty()), router);
    }

    @Test
    void handle_routedCall_isTheRoutesAnswer_loggedByRouteTemplate() {
        try (LogCapture logs = new LogCapture()) {
            APIGatewayV2HTTPResponse response = edge(
                    call -> responses.json(200, Map.of("id", call.id("videoId"), "user", call.requireUser())))
                    .handle(HttpEvents.request("get", "/videos/secret-video", "alice", null, Map.of("q", "secret-q")));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains("secret-video", "alice");
            assertThat(logs.lines()).containsExactly("dev.clipflow.example.ExampleApi GET /videos/{videoId} -> 200");
        }
    }

    @Test
    void handle_routesThrow_isTheMappedAnswer_loggedWithTheExceptionName() {
        try (LogCapture logs = new LogCapture()) {
            APIGatewayV2HTTPResponse response = edge(call -> {
                call.requireUser();
                return responses.json(200, Map.of());
            }).handle(HttpEvents.request("GET", "/videos/abc", null, null));

            assertError(response, 401, "UNAUTHENTICATED", "Sign in: the request carries no identity.");
            assertThat(logs.lines()).containsExactly(
                    "dev.clipflow.example.ExampleApi GET /videos/{videoId} -> 401 ApiRequestRejectedException");
        }
    }

    @Test
    void handle_unparsableEvent_is400_loggedAsUnrouted() {
        try (LogCapture logs = new LogCapture()) {
            APIGatewayV2HTTPResponse response = edge(call -> responses.json(200, Map.of())).handle(null);

            assertError(response, 400, "INVALID_REQUEST", "The request is empty.");
            assertThat(logs.lines()).containsExactly(
                    "dev.clipflow.example.ExampleApi unrouted -> 400 ApiRequestRejectedException");
        }
    }

    @Test
    void handle_routesFailUnexpectedly_is500() {
        APIGatewayV2HTTPResponse response = edge(call -> {
            throw new IllegalStateException("boom");
        }).handle(HttpEvents.request("GET", "/videos/abc", "alice", null));

        assertError(response, 500, "INTERNAL_ERROR", "Something went wrong on our side; try again later.");
    }
}
