package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.clipflow.media.MediaKeys;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of an HTTP API (payload 2.0) event the routes use: method, path segments, caller, query.
 * Every accessor that reads user input checks it and throws {@link ApiRequestRejectedException}.
 *
 * @param method   the HTTP method, upper case
 * @param segments the path's non-empty segments, none for {@code /}
 * @param userId   the JWT claim {@code sub} from the authorizer, null when there is none (or it is
 *                 blank or longer than 128 characters)
 * @param query    the query string parameters, empty when there are none
 * @param event    the event itself, for the body
 */
public record ApiCall(String method, List<String> segments, String userId, Map<String, String> query,
                      APIGatewayV2HTTPEvent event) {
    private static final int MAX_PATH = 1024;
    private static final int MAX_USER_ID = 128;
    private static final int MAX_CURSOR = 1024;

    /** Parses {@code event}; a 400 {@code INVALID_REQUEST} when it is null or has no usable method or path. */
    public static ApiCall of(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            throw new ApiRequestRejectedException(400, "INVALID_REQUEST", "The request is empty.");
        }
        var context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        String path = event.getRawPath();
        if (path == null && context != null && context.getHttp() != null) {
            path = context.getHttp().getPath();
        }
        if (method == null || path == null || path.length() > MAX_PATH) {
            throw new ApiRequestRejectedException(400, "INVALID_REQUEST", "The request has no usable method or path.");
        }
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        if (segments.size() == 1 && segments.getFirst().isEmpty()) {
            segments = List.of();
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        return new ApiCall(method.toUpperCase(Locale.ROOT), segments, userId(event), query, event);
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

    /** Path segment {@code index} as an id ({@link MediaKeys#isValidId}), or a 400 {@code INVALID_ID}. */
    public String id(int index) {
        String id = segments.get(index);
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
