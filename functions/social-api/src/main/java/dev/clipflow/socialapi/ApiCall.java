package dev.clipflow.socialapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.clipflow.media.MediaKeys;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an HTTP API (payload 2.0) event the routes use: method, path segments, caller, query.
 *
 * @param userId the JWT claim {@code sub} from the authorizer, null when there is none
 */
record ApiCall(String method, List<String> segments, String userId, Map<String, String> query) {
    private static final int MAX_PATH = 1024;
    private static final int MAX_USER_ID = 128;
    private static final int MAX_CURSOR = 1024;

    static ApiCall of(APIGatewayV2HTTPEvent event) {
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
        return new ApiCall(method.toUpperCase(Locale.ROOT), segments, userId(event), query);
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
    String requireUser() {
        if (userId == null) {
            throw new ApiRequestRejectedException(401, "UNAUTHENTICATED", "Sign in: the request carries no identity.");
        }
        return userId;
    }

    /** Path segment {@code index} as an id, or a 400 answer when it is not one. */
    String id(int index) {
        String id = segments.get(index);
        if (!MediaKeys.isValidId(id)) {
            throw new ApiRequestRejectedException(400, "INVALID_ID",
                    "Ids are 3 to 64 lower-case letters, digits and dashes.");
        }
        return id;
    }

    /** The {@code limit} query parameter, {@code fallback} when absent; range checks are the domain's. */
    int limit(int fallback) {
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

    /** The {@code cursor} query parameter, null when absent or empty. */
    String cursor() {
        String raw = query.get("cursor");
        if (raw != null && raw.length() > MAX_CURSOR) {
            throw new ApiRequestRejectedException(400, "INVALID_CURSOR",
                    "The page cursor is not valid; start again from the first page.");
        }
        return raw == null || raw.isEmpty() ? null : raw;
    }
}
