package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Runs one HTTP API request: parses it ({@link ApiCall#of}), hands it to the API's {@link ApiRouter}, turns
 * any exception into an answer ({@link ApiErrors}) and logs one line per request: the route key (a
 * template) and the status (and the exception's simple name), never the path's ids, query or body.
 */
public final class ApiEdge {
    private final Logger log;
    private final ApiErrors errors;
    private final ApiRouter router;

    /** @param log the API's logger (the line is logged under the API's name) */
    public ApiEdge(Logger log, ApiErrors errors, ApiRouter router) {
        this.log = Objects.requireNonNull(log, "log");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.router = Objects.requireNonNull(router, "router");
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String route = ApiRouter.UNROUTED;
        try {
            ApiCall call = ApiCall.of(event);
            route = router.logName(call);
            APIGatewayV2HTTPResponse response = router.answer(call);
            log.info("{} -> {}", route, response.getStatusCode());
            return response;
        } catch (RuntimeException e) {
            APIGatewayV2HTTPResponse response = errors.answer(e);
            log.info("{} -> {} {}", route, response.getStatusCode(), e.getClass().getSimpleName());
            return response;
        }
    }
}
