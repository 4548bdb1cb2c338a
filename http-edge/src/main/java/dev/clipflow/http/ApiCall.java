package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.clipflow.media.MediaKeys;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of an HTTP API (payload 2.0) event the routes use: the route API Gateway matched, its path
 * parameters, the caller, the query. Every accessor that reads user input checks it and throws
 * {@link ApiRequestRejectedException}. The raw path is never parsed: API Gateway (and the local runtime,
 * which matches the template's routes the same way) fills {@code routeKey} and {@code pathParameters}.
 *
 * @param routeKey       the matched route, {@code "<METHOD> <path template>"}, e.g. {@code GET /videos/{videoId}}
 * @param pathParameters the route's path parameters by name, empty when it has none
 * @param userId         the JWT claim {@code sub} from the authorizer, null when there is none (or it is
 *                       blank or longer than 128 characters)
 * @param query          the query string parameters, empty when there are none
 * @param event          the event itself, for the body
 */
public record ApiCall(String routeKey, Map<String, String> pathParameters, String userId, Map<String, String> query,
                      APIGatewayV2HTTPEvent event) {
    private static final Pattern ROUTE_KEY = Pattern.compile("[A-Z]{1,16} /\\S{0,1023}");
    private static final int MAX_USER_ID = 128;
    private static final int MAX_CURSOR = 1024;

    /**
     * Parses {@code event}; a 400 {@code INVALID_REQUEST} when it is null or has no usable route key (a method
     * and a path template, from the event or its request context).
     */
    public static ApiCall of(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            throw new ApiRequestRejectedException(400, "INVALID_REQUEST", "The request is empty.");
        }
        var context = event.getRequestContext();
        String routeKey = event.getRouteKey();
        if (routeKey == null && context != null) {
            routeKey = context.getRouteKey();
        }
        if (routeKey == null || !ROUTE_KEY.matcher(routeKey).matches()) {
            throw new ApiRequestRejectedException(400, "INVALID_REQUEST", "The request has no usable method or path.");
        }
        Map<String, String> parameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        return new ApiCall(routeKey, parameters, userId(event), query, event);
    }

    /** The route key's method, upper case. */
    public String method() {
        return routeKey.substring(0, routeKey.indexOf(' '));
    }

    /** The route key's path template, e.g. {@code /videos/{videoId}}. */
    public String pathTemplate() {
        return routeKey.substring(routeKey.indexOf(' ') + 1);
    }

    private static String userId(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return null;
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        String sub = claims == null ? null : claims.get("sub");
        return sub == null || sub.isBlank() || sub.length() > MAX_USER_ID ? null : sub;
    }

    /** The caller, or a 401 answer when the request carries no identity. */
    public String requireUser() {
        if (userId == null) {
            throw new ApiRequestRejectedException(401, "UNAUTHENTICATED", "Sign in: the request carries no identity.");
        }
        return userId;
    }

    /** Path parameter {@code name} as an id ({@link MediaKeys#isValidId}), or a 400 {@code INVALID_ID}. */
    public String id(String name) {
        String id = pathParameters.get(name);
        if (!MediaKeys.isValidId(id)) {
            throw ApiRequestRejectedException.invalidId();
        }
        return id;
    }

    /**
     * A whole-number query parameter within bounds, or {@code fallback} when absent or empty; a
     * 400 {@code INVALID_REQUEST} naming the bounds when it is not a number or out of them.
     */
    public int intParam(String name, int fallback, int min, int max) {
        String raw = query.get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiRequestRejectedException(400, "INVALID_REQUEST",
                "The query parameter '" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    /**
     * The {@code limit} query parameter for APIs whose domain checks page sizes itself: {@code fallback}
     * when absent or empty, any int as given (no range check here), a 400 {@code INVALID_PAGE_SIZE}
     * when it is not a whole number.
     */
    public int limit(int fallback) {
        String raw = query.get("limit");
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ApiRequestRejectedException(400, "INVALID_PAGE_SIZE",
                    "The query parameter 'limit' must be a whole number.");
        }
    }

    /**
     * The {@code cursor} query parameter, null when absent or empty; a 400 {@code INVALID_CURSOR} when
     * longer than 1024 characters (the domain checks the rest).
     */
    public String cursor() {
        String raw = query.get("cursor");
        if (raw != null && raw.length() > MAX_CURSOR) {
            throw new ApiRequestRejectedException(400, "INVALID_CURSOR",
                    "The page cursor is not valid; start again from the first page.");
        }
        return raw == null || raw.isEmpty() ? null : raw;
    }

    /** The body as a JSON object of at most {@code maxBytes} bytes, decoded first when base64; see {@link JsonBody}. */
    public JsonBody jsonBody(JsonMapper json, int maxBytes) {
        return JsonBody.parse(json, event.getBody(), event.getIsBase64Encoded(), maxBytes);
    }
}
