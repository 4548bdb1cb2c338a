package dev.clipflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.clipflow.local.runtime.api.ApiGatewayEvents;
import dev.clipflow.local.runtime.api.HttpRoutes;
import java.net.URI;
import java.util.Map;

/**
 * The HTTP API's routes without API Gateway: the route (from template.yaml's {@code HttpApi} events) picks the
 * function, which is invoked directly with the payload format 2.0 event API Gateway would send after its JWT
 * authorizer accepted a token of the user (the user's name as {@code sub} and {@code username}). For targets that
 * run the functions but not API Gateway v2 and Cognito (LocalStack community): the token check itself is not
 * exercised.
 */
public final class DirectApi implements ApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpRoutes routes;
    private final Map<String, String> functionNames;
    private final LambdaInvoke lambda;
    /** Presigned PUTs go straight to S3, as on every target. */
    private final ClipflowApi transfer = new ClipflowApi(URI.create("about:none"));

    /** @param functionNames logical id to deployed function name */
    DirectApi(HttpRoutes routes, Map<String, String> functionNames, LambdaInvoke lambda) {
        this.routes = routes;
        this.functionNames = Map.copyOf(functionNames);
        this.lambda = lambda;
    }

    /**
     * @param pathAndQuery e.g. {@code /videos/abc/upload/parts?from=3}
     * @param body JSON body or {@code null}
     * @return the function's HTTP answer; 404 when no route matches, 502 when the function failed
     */
    @Override
    public ClipflowApi.Response call(TestUser user, String method, String pathAndQuery, JsonNode body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        var match = routes.match(method, path);
        if (match.isEmpty()) {
            return new ClipflowApi.Response(404, MissingNode.getInstance(), "{\"message\":\"Not Found\"}");
        }
        HttpRoutes.Route route = match.get().route();
        var event = ApiGatewayEvents.request(method, path, query, route.routeKey(), match.get().pathParameters(),
                body == null ? null : body.toString(), new ApiGatewayEvents.Identity(user.name(), user.name()));
        LambdaInvoke.Result r = lambda.invoke(functionNames.getOrDefault(route.function(), route.function()),
                event.toString());
        if (r.status() != 200 || !r.functionError().isEmpty()) {
            return new ClipflowApi.Response(502, MissingNode.getInstance(), r.payload());
        }
        JsonNode answer = parse(r.payload());
        if (!answer.has("statusCode")) {
            return new ClipflowApi.Response(200, answer, r.payload());
        }
        String raw = answer.path("body").asText("");
        return new ClipflowApi.Response(answer.path("statusCode").asInt(), parse(raw), raw);
    }

    @Override
    public ClipflowApi.PartResult put(URI presigned, byte[] bytes) {
        return transfer.put(presigned, bytes);
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }
}
