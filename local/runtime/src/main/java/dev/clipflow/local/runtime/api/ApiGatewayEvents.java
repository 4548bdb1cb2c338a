package dev.clipflow.local.runtime.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.template.LocalAws;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API (payload format 2.0) events, as the JWT authorizer passes them on: the verified
 * token's claims under {@code requestContext.authorizer.jwt.claims}. Locally there is no token to verify;
 * the caller's {@link Identity} supplies the claims.
 */
public final class ApiGatewayEvents {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    /** The claims a Cognito access token would carry. */
    public record Identity(String sub, String username) {
        /** The documented development identity of the local runtime. */
        public static final Identity DEV = new Identity("local-dev-creator", "dev-creator");
    }

    /**
     * @param routeKey the matched route, e.g. {@code GET /videos/{videoId}}
     * @param pathParameters the route's path parameters
     * @param rawQuery the query string without {@code ?} (may be empty)
     * @param body the request body or {@code null}
     */
    public static ObjectNode request(String method, String path, String rawQuery, String routeKey,
                                     Map<String, String> pathParameters, String body, Identity identity) {
        return request(method, path, rawQuery, routeKey, pathParameters, Map.of("authorization",
                "Bearer local-development-token", "content-type", "application/json", "host", "localhost"),
                body, false, identity);
    }

    /**
     * @param headers the request's headers, names in lower case, repeated values joined with commas (as HTTP API
     *                passes them)
     * @param base64 whether {@code body} is base64 (a binary body)
     */
    public static ObjectNode request(String method, String path, String rawQuery, String routeKey,
                                     Map<String, String> pathParameters, Map<String, String> headers, String body,
                                     boolean base64, Identity identity) {
        Instant now = Instant.now();
        ObjectNode e = Json.object();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        e.put("rawPath", path);
        e.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode h = e.putObject("headers");
        new java.util.TreeMap<>(headers).forEach(h::put);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            pathParameters.forEach(p::put);
        }
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", LocalAws.ACCOUNT);
        ctx.put("apiId", "local");
        ObjectNode jwt = ctx.putObject("authorizer").putObject("jwt");
        ObjectNode claims = jwt.putObject("claims");
        claims.put("sub", identity.sub());
        claims.put("iss", "https://cognito-idp." + LocalAws.REGION + ".amazonaws.com/local");
        claims.put("token_use", "access");
        claims.put("client_id", "local");
        claims.put("username", identity.username());
        jwt.putNull("scopes");
        ctx.put("domainName", "localhost");
        ctx.put("domainPrefix", "localhost");
        ObjectNode http = ctx.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", headers.getOrDefault("user-agent", "clipflow-local"));
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", routeKey);
        ctx.put("stage", "$default");
        ctx.put("time", TIME.format(now));
        ctx.put("timeEpoch", now.toEpochMilli());
        if (body != null) {
            e.put("body", body);
        }
        e.put("isBase64Encoded", base64);
        return e;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
