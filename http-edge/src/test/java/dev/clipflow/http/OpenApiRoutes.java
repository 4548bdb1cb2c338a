package dev.clipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes an OpenAPI file under the root openapi/ folder documents, and the check that an API
 * routes those and answers 405 to every other method on their paths. Shared through the test-jar.
 */
public final class OpenApiRoutes {
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");
    private static final List<String> ALL_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private OpenApiRoutes() {
    }

    /** A documented route: upper-case method and path template ({@code /videos/{videoId}}). */
    public record Route(String method, String path) {
        /** The path with every {@code {param}} replaced by {@code some-id}. */
        public String concrete() {
            return path.replaceAll("\\{[^}]+}", "some-id");
        }
    }

    /** The routes of {@code openapi/<fileName>}, in file order. */
    public static List<Route> read(String fileName) {
        return read(HttpEvents.file("../openapi/" + fileName).normalize());
    }

    public static List<Route> read(Path spec) {
        List<String> lines;
        try {
            lines = Files.readAllLines(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Route> routes = new ArrayList<>();
        String path = null;
        for (String line : lines) {
            Matcher p = PATH.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (m.matches() && path != null) {
                routes.add(new Route(m.group(1).toUpperCase(Locale.ROOT), path));
            }
        }
        return routes;
    }

    /**
     * Every documented route is routed (neither 405 nor 500; a body, unless 204, that is not
     * {@code NOT_FOUND}), and every other method on a documented path is a 405.
     */
    public static void assertRoutedExactly(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
                                           List<Route> routes, String sub, String body) {
        for (Route route : routes) {
            String name = route.method() + " " + route.path();
            APIGatewayV2HTTPResponse documented = api.apply(
                    HttpEvents.request(route.method(), route.concrete(), sub, body));
            assertThat(documented.getStatusCode()).as(name).isNotIn(405, 500);
            if (documented.getStatusCode() != 204) {
                assertThat(documented.getBody()).as(name).isNotNull();
            }
            if (documented.getBody() != null) {
                assertThat(documented.getBody()).as(name).doesNotContain("\"NOT_FOUND\"");
            }
            for (String other : ALL_METHODS) {
                boolean isDocumented = routes.stream()
                        .anyMatch(r -> r.method().equals(other) && r.path().equals(route.path()));
                if (!isDocumented) {
                    assertThat(api.apply(HttpEvents.request(other, route.concrete(), sub, body)).getStatusCode())
                            .as(other + " " + route.path()).isEqualTo(405);
                }
            }
        }
    }
}
