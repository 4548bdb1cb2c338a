package dev.clipflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The shared route check finds the documented routes and fails when an API strays from them. */
class OpenApiRoutesTest {
    private static final String SPEC = """
            openapi: 3.0.3
            paths:
              /videos/{videoId}:
                get:
                  summary: one
                delete:
                  summary: two
              /me/feed:
                get:
                  summary: three
            components:
              schemas: {}
            """;
    private final ApiResponses responses = new ApiResponses(JsonMapper.builder().build());

    @Test
    void read_spec_isEveryMethodAndPath(@TempDir Path dir) throws Exception {
        List<OpenApiRoutes.Route> routes = OpenApiRoutes.read(Files.writeString(dir.resolve("api.yaml"), SPEC));

        assertThat(routes).containsExactly(new OpenApiRoutes.Route("GET", "/videos/{videoId}"),
                new OpenApiRoutes.Route("DELETE", "/videos/{videoId}"), new OpenApiRoutes.Route("GET", "/me/feed"));
        assertThat(routes.getFirst().concrete()).isEqualTo("/videos/some-id");
    }

    @Test
    void assertRoutedExactly_apiRoutingTheSpec_passes(@TempDir Path dir) throws Exception {
        List<OpenApiRoutes.Route> routes = OpenApiRoutes.read(Files.writeString(dir.resolve("api.yaml"), SPEC));

        OpenApiRoutes.assertRoutedExactly(api(Map.of("/videos/some-id", "GET, DELETE", "/me/feed", "GET")), routes,
                "alice", null);
    }

    @Test
    void assertRoutedExactly_undocumentedMethodAccepted_fails(@TempDir Path dir) throws Exception {
        List<OpenApiRoutes.Route> routes = OpenApiRoutes.read(Files.writeString(dir.resolve("api.yaml"), SPEC));

        assertThatThrownBy(() -> OpenApiRoutes.assertRoutedExactly(
                api(Map.of("/videos/some-id", "GET, DELETE, PUT", "/me/feed", "GET")), routes, "alice", null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PUT /videos/{videoId}");
    }

    @Test
    void assertRoutedExactly_documentedRouteMissing_fails(@TempDir Path dir) throws Exception {
        List<OpenApiRoutes.Route> routes = OpenApiRoutes.read(Files.writeString(dir.resolve("api.yaml"), SPEC));

        assertThatThrownBy(() -> OpenApiRoutes.assertRoutedExactly(api(Map.of("/videos/some-id", "GET, DELETE")),
                routes, "alice", null)).isInstanceOf(AssertionError.class).hasMessageContaining("GET /me/feed");
    }

    /** An API that answers 200 (204 to DELETE) to the methods {@code allowed} lists for a path, 405 to others. */
    private Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api(Map<String, String> allowed) {
        ApiErrors errors = new ApiErrors(responses, e -> Optional.empty());
        return event -> {
            String path = event.getRawPath();
            String method = event.getRequestContext().getHttp().getMethod();
            if (!allowed.containsKey(path)) {
                return errors.answer(ApiRequestRejectedException.notFound());
            }
            if (!List.of(allowed.get(path).split(", ")).contains(method)) {
                return errors.answer(ApiRequestRejectedException.methodNotAllowed(allowed.get(path)));
            }
            return method.equals("DELETE") ? responses.noContent() : responses.json(200, Map.of("ok", true));
        };
    }
}
