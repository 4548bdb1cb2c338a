package dev.clipflow.local.runtime.s3;

import dev.clipflow.local.runtime.template.CorsRule;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The buckets' CORS configurations, applied by the S3 endpoint as S3 applies them: a preflight
 * ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered from the first
 * matching rule — 200 with the allowed method, headers and max age — or 403 {@code AccessForbidden}; any other
 * request with an {@code Origin} that a rule allows gets {@code Access-Control-Allow-Origin} and the rule's
 * {@code Access-Control-Expose-Headers} (a browser's presigned part upload needs the {@code ETag}).
 * Preflights are never signed, so they are answered before any authorisation.
 */
public final class S3Cors {

    /** No bucket allows a cross-origin request. */
    public static final S3Cors NONE = new S3Cors(Map.of());

    private final Map<String, List<CorsRule>> rulesByBucket;

    /** @param rulesByBucket each bucket's name and its rules */
    public S3Cors(Map<String, List<CorsRule>> rulesByBucket) {
        this.rulesByBucket = Map.copyOf(rulesByBucket);
    }

    /** Whether {@code request} is a CORS preflight (to be answered by {@link #preflight}, not forwarded). */
    boolean isPreflight(HttpHead request) {
        return "OPTIONS".equals(request.method()) && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    /** The whole response to a preflight. */
    byte[] preflight(HttpHead request) {
        String origin = request.header("origin");
        String method = request.header("access-control-request-method");
        String requested = request.header("access-control-request-headers");
        List<String> headers = requested == null || requested.isBlank() ? List.of()
                : Arrays.stream(requested.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        CorsRule rule = rules(request).stream().filter(r -> r.allows(origin, method, headers)).findFirst()
                .orElse(null);
        if (rule == null) {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessForbidden</Code><Message>"
                    + "CORSResponse: This CORS request is not allowed. This is usually because the evaluation of"
                    + " Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are"
                    + " not whitelisted by the resource's CORS spec.</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            return concat(("HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
        }
        return ("HTTP/1.1 200 OK\r\n" + allowOrigin(rule, origin)
                + "Access-Control-Allow-Methods: " + String.join(", ", rule.allowedMethods()) + "\r\n"
                + (headers.isEmpty() ? "" : "Access-Control-Allow-Headers: " + String.join(", ", headers) + "\r\n")
                + (rule.maxAgeSeconds() < 0 ? "" : "Access-Control-Max-Age: " + rule.maxAgeSeconds() + "\r\n")
                + "Vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The header lines ({@code Name: value\r\n}) to add to the response to {@code request}; "" when none. */
    String responseHeaders(HttpHead request) {
        String origin = request.header("origin");
        if (origin == null) {
            return "";
        }
        return rules(request).stream().filter(r -> r.allows(origin, request.method(), List.of())).findFirst()
                .map(r -> allowOrigin(r, origin) + (r.exposedHeaders().isEmpty() ? ""
                        : "Access-Control-Expose-Headers: " + String.join(", ", r.exposedHeaders()) + "\r\n")
                        + "Vary: Origin\r\n")
                .orElse("");
    }

    /**
     * {@code head} (a raw response head ending in an empty line) with {@code lines} added before its end, in place
     * of any {@code Access-Control-*} header the upstream emulator sent (S3Proxy allows every origin; a browser
     * refuses an {@code Access-Control-Allow-Origin} given twice).
     */
    static byte[] withHeaders(byte[] head, String lines) {
        if (lines.isEmpty()) {
            return head;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String kept = Arrays.stream(text.substring(0, text.length() - 4).split("\r\n"))
                .filter(l -> !l.regionMatches(true, 0, "access-control-", 0, 15))
                .collect(java.util.stream.Collectors.joining("\r\n", "", "\r\n"));
        return (kept + lines + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private List<CorsRule> rules(HttpHead request) {
        String path = request.target().replaceFirst("\\?.*", "").replaceFirst("^/+", "");
        String bucket = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        return rulesByBucket.getOrDefault(S3EventProxy.decode(bucket), List.of());
    }

    private static String allowOrigin(CorsRule rule, String origin) {
        boolean any = rule.allowedOrigins().contains("*");
        return "Access-Control-Allow-Origin: " + (any ? "*" : origin) + "\r\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
