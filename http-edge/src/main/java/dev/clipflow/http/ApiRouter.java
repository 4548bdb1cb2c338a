package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An HTTP API's routes, keyed on the route key API Gateway matched ({@code GET /videos/{videoId}}): the same
 * keys as the template's {@code HttpApi} events and the OpenAPI documents. A handler reads its ids from the
 * path parameters ({@link ApiCall#id}). A call on one of these paths with another method is a 405 naming the
 * methods the path accepts (in the order given); any other call is a 404. API Gateway itself never sends either
 * (it answers 404 for a route it does not have), but a direct invocation can.
 */
public final class ApiRouter {
    /** The log name of a call that matched no path of the API. */
    public static final String UNROUTED = "unrouted";

    private final Map<String, Function<ApiCall, APIGatewayV2HTTPResponse>> routes;

    private ApiRouter(Map<String, Function<ApiCall, APIGatewayV2HTTPResponse>> routes) {
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The route keys, in the order given. */
    public List<String> routeKeys() {
        return List.copyOf(routes.keySet());
    }

    /** Answers {@code call} with its route's handler; a 405 or 404 {@link ApiRequestRejectedException} otherwise. */
    public APIGatewayV2HTTPResponse answer(ApiCall call) {
        Function<ApiCall, APIGatewayV2HTTPResponse> handler = routes.get(call.routeKey());
        if (handler != null) {
            return handler.apply(call);
        }
        List<String> allowed = allowedMethods(call.pathTemplate());
        if (!allowed.isEmpty()) {
            throw ApiRequestRejectedException.methodNotAllowed(String.join(", ", allowed));
        }
        throw ApiRequestRejectedException.notFound();
    }

    /**
     * The call's route key for a log line when its path template is one of this API's (so it carries no user
     * input: the template names the ids, the method is upper-case letters), else {@link #UNROUTED}.
     */
    public String logName(ApiCall call) {
        return allowedMethods(call.pathTemplate()).isEmpty() ? UNROUTED : call.routeKey();
    }

    private List<String> allowedMethods(String pathTemplate) {
        return routes.keySet().stream()
                .filter(key -> key.substring(key.indexOf(' ') + 1).equals(pathTemplate))
                .map(key -> key.substring(0, key.indexOf(' ')))
                .toList();
    }

    /** Collects the routes; a route key is {@code "<METHOD> <path template>"} and may be given once. */
    public static final class Builder {
        private final Map<String, Function<ApiCall, APIGatewayV2HTTPResponse>> routes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder route(String routeKey, Function<ApiCall, APIGatewayV2HTTPResponse> handler) {
            if (!routeKey.matches("[A-Z]+ /\\S*")) {
                throw new IllegalArgumentException("Not a route key (METHOD /path): " + routeKey);
            }
            if (routes.putIfAbsent(routeKey, Objects.requireNonNull(handler, "handler")) != null) {
                throw new IllegalArgumentException("Route given twice: " + routeKey);
            }
            return this;
        }

        public ApiRouter build() {
            return new ApiRouter(routes);
        }
    }
}
