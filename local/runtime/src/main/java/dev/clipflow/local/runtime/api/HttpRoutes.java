package dev.clipflow.local.runtime.api;

import dev.clipflow.local.runtime.template.EventSourceDef;
import dev.clipflow.local.runtime.template.FunctionDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes, from the functions' {@code HttpApi} events in the template: method + path template
 * ({@code /videos/{videoId}}, greedy {@code {proxy+}}) → function.
 */
public final class HttpRoutes {

    /** A route of the template. */
    public record Route(String method, String path, String function) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A request matched to a route, with its path parameters. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    private HttpRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static HttpRoutes from(List<FunctionDef> functions) {
        List<Route> routes = new ArrayList<>();
        for (FunctionDef f : functions) {
            for (EventSourceDef e : f.events("HttpApi")) {
                Object method = e.properties().getOrDefault("Method", "ANY");
                Object path = e.properties().getOrDefault("Path", "/{proxy+}");
                routes.add(new Route(String.valueOf(method).toUpperCase(Locale.ROOT), String.valueOf(path), f.name()));
            }
        }
        return new HttpRoutes(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The route for a request: exact segments win over parameters, as API Gateway prefers the most specific. */
    public Optional<Match> match(String method, String path) {
        Match best = null;
        int bestScore = -1;
        for (Route r : routes) {
            if (!r.method().equals("ANY") && !r.method().equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            int score = score(r.path(), path, params);
            if (score > bestScore) {
                best = new Match(r, params);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int score(String template, String path, Map<String, String> params) {
        String[] t = template.replaceAll("^/|/$", "").split("/", -1);
        String[] p = path.replaceAll("^/|/$", "").split("/", -1);
        int score = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("+}")) {
                params.put(t[i].substring(1, t[i].length() - 2), String.join("/", List.of(p).subList(i, p.length)));
                return score;
            }
            if (i >= p.length) {
                return -1;
            }
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                params.put(t[i].substring(1, t[i].length() - 1), java.net.URLDecoder.decode(p[i],
                        java.nio.charset.StandardCharsets.UTF_8));
                score += 1;
            } else if (t[i].equals(p[i])) {
                score += 2;
            } else {
                return -1;
            }
        }
        return t.length == p.length ? score : -1;
    }
}
