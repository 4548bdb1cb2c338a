package dev.clipflow.local.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.function.FunctionResult;
import java.util.function.BiFunction;

/**
 * Calls the HTTP API in-process: the template's route decides the function, which receives the API Gateway
 * HTTP API v2 event with the caller's JWT claims, exactly as behind the JWT authorizer.
 */
public final class LocalApi {

    private final HttpRoutes routes;
    private final BiFunction<String, JsonNode, FunctionResult> invoke;

    /** @param invoke calls a function (by name) synchronously, e.g. {@code LocalClipflow::invoke} */
    public LocalApi(HttpRoutes routes, BiFunction<String, JsonNode, FunctionResult> invoke) {
        this.routes = routes;
        this.invoke = invoke;
    }

    /** An HTTP response: status and parsed JSON body ({@code null} when empty or not JSON). */
    public record Response(int status, JsonNode body, String rawBody) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * @param pathAndQuery e.g. {@code /videos/abc} or {@code /channels/c/videos?limit=5}
     * @throws LocalApiRouteException when no route matches or the function fails (HTTP 404 / 502 on AWS)
     */
    public Response call(String method, String pathAndQuery, JsonNode body, ApiGatewayEvents.Identity identity) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        HttpRoutes.Match match = routes.match(method, path).orElseThrow(
                () -> new LocalApiRouteException("No route for " + method + " " + path + " in the template"));
        var event = ApiGatewayEvents.request(method, path, query, match.route().routeKey(), match.pathParameters(),
                body == null ? null : Json.write(body), identity);
        FunctionResult r = invoke.apply(match.route().function(), event);
        if (r.failed()) {
            throw new LocalApiRouteException(match.route().function() + " failed (HTTP 502 on AWS): "
                    + r.payloadText());
        }
        JsonNode response = Json.parse(r.payloadText());
        String raw = response.path("body").asText("");
        JsonNode parsed = null;
        try {
            parsed = raw.isBlank() ? null : Json.parse(raw);
        } catch (RuntimeException e) {
            parsed = null;
        }
        return new Response(response.path("statusCode").asInt(200), parsed, raw);
    }
}
