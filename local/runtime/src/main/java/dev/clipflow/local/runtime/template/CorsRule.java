package dev.clipflow.local.runtime.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule of a bucket's {@code CorsConfiguration.CorsRules}, matched as S3 matches it: the first rule whose
 * origins (one {@code *} wildcard each), method and every requested header match answers the request.
 *
 * @param maxAgeSeconds {@code MaxAge}, or -1 when the rule has none
 */
public record CorsRule(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposedHeaders, int maxAgeSeconds) {

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
    }

    /** Whether this rule allows {@code method} from {@code origin} with the request headers {@code headers}. */
    public boolean allows(String origin, String method, List<String> headers) {
        return allowedOrigins.stream().anyMatch(o -> matches(o, origin))
                && allowedMethods.contains(method.toUpperCase(Locale.ROOT))
                && headers.stream().allMatch(h -> allowedHeaders.stream().anyMatch(a -> matches(
                        a.toLowerCase(Locale.ROOT), h.toLowerCase(Locale.ROOT))));
    }

    /** S3's origin and header patterns: at most one {@code *}, matching any characters. */
    static boolean matches(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return value.length() >= prefix.length() + suffix.length() && value.startsWith(prefix)
                && value.endsWith(suffix);
    }

    /** The rules of a resolved {@code CorsConfiguration} (empty when there is none). */
    static List<CorsRule> read(Object corsConfiguration) {
        if (!(corsConfiguration instanceof Map<?, ?> config) || !(config.get("CorsRules") instanceof List<?> rules)) {
            return List.of();
        }
        return rules.stream().map(r -> (Map<?, ?>) r).map(r -> new CorsRule(texts(r.get("AllowedOrigins")),
                texts(r.get("AllowedMethods")), texts(r.get("AllowedHeaders")), texts(r.get("ExposedHeaders")),
                r.get("MaxAge") == null ? -1 : Integer.parseInt(String.valueOf(r.get("MaxAge"))))).toList();
    }

    private static List<String> texts(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
