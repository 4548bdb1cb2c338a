package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Runs one HTTP API request: parses it ({@link ApiCall#of}), hands it to the API's routes, turns
 * any exception into an answer ({@link ApiErrors}) and logs one line per request: the route
 * template and the status (and the exception's simple name), never the path's ids, query or body.
 */
public final class ApiEdge {
    private final Logger log;
    private final ApiErrors errors;
    private final Function<List<String>, String> routeName;

    /**
     * @param log       the API's logger (the line is logged under the API's name)
     * @param routeName the route template of the path segments for the log line, ids replaced
     */
    public ApiEdge(Logger log, ApiErrors errors, Function<List<String>, String> routeName) {
        this.log = Objects.requireNonNull(log, "log");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.routeName = Objects.requireNonNull(routeName, "routeName");
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event,
                                           Function<ApiCall, APIGatewayV2HTTPResponse> routes) {
        String route = "unrouted";
        try {
            ApiCall call = ApiCall.of(event);
            route = call.method() + " " + routeName.apply(call.segments());
            APIGatewayV2HTTPResponse response = routes.apply(call);
            log.info("{} -> {}", route, response.getStatusCode());
            return response;
        } catch (RuntimeException e) {
            APIGatewayV2HTTPResponse response = errors.answer(e);
            log.info("{} -> {} {}", route, response.getStatusCode(), e.getClass().getSimpleName());
            return response;
        }
    }
}
