package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HTTP API (payload 2.0) events as API Gateway sends them after the JWT authorizer, and the root
 * events/ folder. Shared with the HTTP API functions' tests through this module's test-jar.
 */
public final class HttpEvents {
    /** The documented route templates of both APIs, most specific first (literal segments win, as in API Gateway). */
    private static final List<String> TEMPLATES = Stream.of("clipflow-api.yaml", "social-api.yaml")
            .flatMap(f -> OpenApiRoutes.read(f).stream()).map(OpenApiRoutes.Route::path).distinct()
            .sorted(Comparator.comparingLong((String t) -> t.chars().filter(c -> c == '{').count()))
            .toList();

    private HttpEvents() {
    }

    /**
     * A request with the JWT claim {@code sub} (no authorizer at all when {@code sub} is null). Its route key
     * and path parameters are filled as API Gateway fills them, from the documented route whose template
     * matches {@code path} (any method: a method the route lacks makes a route key the API does not have);
     * a path no documented route matches gets the catch-all {@code /{proxy+}}.
     */
    public static APIGatewayV2HTTPEvent request(String method, String path, String sub, String body) {
        return request(method, path, sub, body, Map.of());
    }

    public static APIGatewayV2HTTPEvent request(String method, String path, String sub, String body,
                                                Map<String, String> query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String template = TEMPLATES.stream().filter(t -> matches(t, path, parameters)).findFirst().orElse(null);
        if (template == null) {
            template = "/{proxy+}";
            parameters.put("proxy", path.replaceFirst("^/", ""));
        }
        String routeKey = method.toUpperCase(Locale.ROOT) + " " + template;
        var context = RequestContext.builder()
                .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .withRouteKey(routeKey)
                .withStage("$default");
        if (sub != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", sub)).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withPathParameters(parameters.isEmpty() ? null : parameters)
                .withRequestContext(context.build())
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static boolean matches(String template, String path, Map<String, String> parameters) {
        String[] t = template.substring(1).split("/", -1);
        String[] p = path.replaceFirst("^/", "").split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{")) {
                found.put(t[i].substring(1, t[i].length() - 1), URLDecoder.decode(p[i], StandardCharsets.UTF_8));
            } else if (!t[i].equals(p[i])) {
                return false;
            }
        }
        parameters.putAll(found);
        return true;
    }

    /** {@code name} resolved against the repository's root events/ folder, found upwards from the working directory. */
    public static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No events/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events").resolve(name);
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
