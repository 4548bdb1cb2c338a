package dev.clipflow.local.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.api.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.console.LocalConsole;
import dev.clipflow.local.runtime.eventbridge.LocalEventBus;
import dev.clipflow.local.runtime.function.FunctionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * The template's HTTP API served on loopback, as API Gateway HTTP API with its JWT authorizer would: the route
 * (from the functions' {@code HttpApi} events) picks the function, which gets a payload format 2.0 event with the
 * caller's JWT claims; its response ({@code statusCode}, {@code headers}, {@code cookies}, {@code body},
 * {@code isBase64Encoded} — or any other JSON, sent as a 200 JSON body) becomes the HTTP response. A GET that no
 * route takes may be the local console's ({@link LocalConsole}: the page at {@code /} and its {@code /_local/}
 * endpoints); anything else is 404 {@code {"message":"Not Found"}}; a function error is 500
 * {@code {"message":"Internal Server Error"}}.
 *
 * <p>There is no token to verify locally: the caller is the development identity ({@code sub}
 * {@code local-dev-creator}), or whoever the {@value #USER_HEADER} header names (that value becomes both
 * {@code sub} and {@code username}); the default can be changed with {@code CLIPFLOW_DEV_USER}.
 *
 * <p>Besides the template's routes, {@code GET} {@value #EVENTS_PATH} streams the caller's video events as
 * Server-Sent Events (the local stand-in for the WebSocket API on AWS, docs/adr/0013); there the caller may also be
 * named by the {@value #USER_PARAMETER} query parameter, since a browser's {@code EventSource} sends no headers.
 */
public final class LocalHttpApi implements AutoCloseable {

    /** The header that picks the caller's identity. */
    public static final String USER_HEADER = "X-Clipflow-Dev-User";

    /** The path of the caller's video events as Server-Sent Events ({@link EventStream}). */
    public static final String EVENTS_PATH = "/events";

    /**
     * The query parameter that picks the caller's identity on {@value #EVENTS_PATH} (a browser's
     * {@code EventSource} cannot send headers); the header wins when both are given.
     */
    public static final String USER_PARAMETER = "devUser";

    private final HttpRoutes routes;
    private final BiFunction<String, JsonNode, FunctionResult> invoke;
    private final LocalEventBus bus;
    private final LocalConsole console;
    private final Identity defaultIdentity;
    private final HttpServer server;
    private final ExecutorService executor;

    private LocalHttpApi(HttpRoutes routes, BiFunction<String, JsonNode, FunctionResult> invoke, LocalEventBus bus,
                         LocalConsole console, Identity defaultIdentity, HttpServer server, ExecutorService executor) {
        this.routes = routes;
        this.invoke = invoke;
        this.bus = bus;
        this.console = console;
        this.defaultIdentity = defaultIdentity;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code routes} on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @param invoke calls a function (by name) synchronously, e.g. {@code LocalClipflow::invoke}
     * @param bus the events {@value #EVENTS_PATH} streams
     * @param console answers the GETs no route takes
     */
    public static LocalHttpApi start(HttpRoutes routes, BiFunction<String, JsonNode, FunctionResult> invoke,
                                     LocalEventBus bus, LocalConsole console, int port, Identity defaultIdentity) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "http-api");
                t.setDaemon(true);
                return t;
            });
            LocalHttpApi api = new LocalHttpApi(routes, invoke, bus, console, defaultIdentity, server, executor);
            server.createContext("/", api::handle);
            server.setExecutor(executor);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the HTTP API on port " + port, e);
        }
    }

    /** The development identity: {@code CLIPFLOW_DEV_USER} when set, else {@link Identity#DEV}. */
    public static Identity defaultIdentity() {
        String user = System.getenv("CLIPFLOW_DEV_USER");
        return user == null || user.isBlank() ? Identity.DEV : new Identity(user, user);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (method.equals("GET") && path.equals(EVENTS_PATH)) {
                String user = exchange.getRequestHeaders().getFirst(USER_HEADER);
                if (user == null || user.isBlank()) {
                    user = parameter(query, USER_PARAMETER);
                }
                Identity caller = user == null || user.isBlank() ? defaultIdentity : new Identity(user, user);
                new EventStream(bus).serve(exchange, caller.sub());
                return;
            }
            var match = routes.match(method, path);
            var page = match.isEmpty() ? console.answer(method, path) : Optional.<LocalConsole.Answer>empty();
            if (page.isPresent()) {
                send(exchange, page.get().status(), Map.of("content-type", page.get().contentType(),
                        "cache-control", "no-store"), "HEAD".equals(method) ? new byte[0] : page.get().body());
                return;
            }
            if (match.isEmpty()) {
                send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRoutes.Match m = match.get();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT),
                    String.join(",", v)));
            String user = headers.get(USER_HEADER.toLowerCase(Locale.ROOT));
            Identity identity = user == null || user.isBlank() ? defaultIdentity : new Identity(user, user);
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String type = headers.getOrDefault("content-type", "application/json").toLowerCase(Locale.ROOT);
            boolean text = type.contains("json") || type.startsWith("text/") || type.contains("x-www-form-urlencoded");
            String body = bytes.length == 0 ? null
                    : text ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes);
            headers.putIfAbsent("content-type", "application/json");
            var event = ApiGatewayEvents.request(method, path, query == null ? "" : query, m.route().routeKey(),
                    m.pathParameters(), headers, body, body != null && !text, identity);
            FunctionResult r = invoke.apply(m.route().function(), event);
            if (r.failed()) {
                String error = r.payloadText();
                System.err.println("api: " + m.route().function() + " failed (request " + r.requestId() + ") on "
                        + m.route().routeKey() + ": "
                        + (error.length() > 400 ? error.substring(0, 400) + "..." : error));
                send(exchange, 500, Map.of("content-type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            respond(exchange, r.payloadText());
        } catch (RuntimeException e) {
            System.err.println("api: " + e);
            send(exchange, 500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Maps the function's response as HTTP API (payload format 2.0) does. */
    private static void respond(HttpExchange exchange, String payload) throws IOException {
        JsonNode response;
        try {
            response = payload.isBlank() ? null : Json.parse(payload);
        } catch (RuntimeException e) {
            response = null;
        }
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            send(exchange, 200, Map.of("content-type", "application/json"), payload.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        for (JsonNode cookie : response.path("cookies")) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie.asText());
        }
        String body = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, response.path("statusCode").asInt(200), headers, bytes);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
