package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * HTTP API (payload 2.0) events as API Gateway sends them after the JWT authorizer, and the root
 * events/ folder. Shared with the HTTP API functions' tests through this module's test-jar.
 */
public final class HttpEvents {
    private HttpEvents() {
    }

    /** A request with the JWT claim {@code sub} (no authorizer at all when {@code sub} is null). */
    public static APIGatewayV2HTTPEvent request(String method, String path, String sub, String body) {
        return request(method, path, sub, body, Map.of());
    }

    public static APIGatewayV2HTTPEvent request(String method, String path, String sub, String body,
                                                Map<String, String> query) {
        var context = RequestContext.builder()
                .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .withRouteKey(method + " " + path)
                .withStage("$default");
        if (sub != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", sub)).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(path)
                .withRequestContext(context.build())
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
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
