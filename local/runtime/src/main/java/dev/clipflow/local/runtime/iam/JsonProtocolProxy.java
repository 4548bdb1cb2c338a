package dev.clipflow.local.runtime.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An authorising endpoint in front of an emulator of an AWS JSON protocol (DynamoDB, SQS, Step Functions,
 * Secrets Manager; SQS's query protocol too): it names the caller from the request's SigV4 credential
 * ({@link Principals}), maps the request to its actions and resources ({@link JsonRequests}) and forwards it only
 * when the caller's role allows every one; otherwise it answers as the service answers a denied call: HTTP 400
 * with the service's {@code AccessDeniedException} (SQS: {@code AccessDenied}, and 403 in XML on its query
 * protocol) and AWS's message naming the assumed role, the action and the resource.
 */
public final class JsonProtocolProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonRequests.Service service;
    private final URI upstream;
    private final Principals principals;

    private JsonProtocolProxy(HttpServer server, ExecutorService threads, JsonRequests.Service service, URI upstream,
                              Principals principals) {
        this.server = server;
        this.threads = threads;
        this.service = service;
        this.upstream = upstream;
        this.principals = principals;
    }

    /** Listens on a free loopback port. */
    public static JsonProtocolProxy start(JsonRequests.Service service, URI upstream, Principals principals) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            // Platform threads: the engine's task threads are virtual and may pin both carriers of a 2-core machine
            // for seconds (class loading, ffmpeg waits); a function's call must not wait for a carrier here.
            ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
                    .name("iam-" + service.iamPrefix + "-", 0).factory());
            JsonProtocolProxy proxy = new JsonProtocolProxy(server, threads, service, upstream, principals);
            server.createContext("/", proxy::handle);
            server.setExecutor(threads);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for the " + service + " endpoint", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean query = target == null && exchange.getRequestMethod().equals("POST");
            String uriQuery = exchange.getRequestURI().getRawQuery();
            Principals.Caller caller = principals.caller(Principals.keyId(
                    exchange.getRequestHeaders().getFirst("Authorization"), uriQuery));
            if (caller instanceof Principals.UnknownKey unknown) {
                deny(exchange, query, 400, "UnrecognizedClientException", "The security token included in the request"
                        + " is invalid. (access key id " + unknown.keyId() + ")");
                return;
            }
            if (caller instanceof Principals.Assumed assumed) {
                List<AccessRequest> requests;
                try {
                    requests = requests(target, query, body);
                } catch (PolicyUnsupportedException e) {
                    deny(exchange, query, 400, "AccessDeniedException", e.getMessage());
                    return;
                }
                var denial = principals.authorize(assumed.role(), requests);
                if (denial.isPresent()) {
                    deny(exchange, query, query ? 403 : 400, service == JsonRequests.Service.SQS ? "AccessDenied"
                            : "AccessDeniedException", denial.get().message());
                    return;
                }
            }
            try {
                forward(exchange, body);
            } catch (IOException e) {
                // the emulator did not answer: a 5xx the SDKs retry, rather than a dropped connection
                System.err.println("iam " + service + " endpoint: forwarding failed: " + e);
                deny(exchange, false, 500, "InternalFailure", "The local " + service + " emulator did not answer: "
                        + e.getMessage());
            }
        } catch (RuntimeException e) {
            System.err.println("iam " + service + " endpoint: " + e);
            throw e;
        }
    }

    private List<AccessRequest> requests(String target, boolean query, byte[] body) throws IOException {
        if (query) {
            ObjectNode params = JSON.createObjectNode();
            for (String p : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return JsonRequests.map(service, params.path("Action").asText(), params);
        }
        if (target == null || !target.startsWith(service.targetPrefix)) {
            throw new PolicyUnsupportedException("Not a " + service + " request: X-Amz-Target " + target);
        }
        JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        return JsonRequests.map(service, target.substring(service.targetPrefix.length()), json);
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding to " + upstream, e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))
                    && !name.equalsIgnoreCase("date")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = response.body();
        exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
    }

    private void deny(HttpExchange exchange, boolean query, int status, String code, String message)
            throws IOException {
        byte[] out;
        String requestId = java.util.UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        if (query) {
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            out = ("<?xml version=\"1.0\"?><ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                    + xml(message) + "</Message><Detail/></Error><RequestId>" + requestId
                    + "</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().set("Content-Type", service == JsonRequests.Service.SECRETS_MANAGER
                    || service == JsonRequests.Service.EVENTS ? "application/x-amz-json-1.1"
                    : "application/x-amz-json-1.0");
            if (service == JsonRequests.Service.SQS) {
                exchange.getResponseHeaders().set("x-amzn-query-error", code + ";Sender");
            }
            ObjectNode error = JSON.createObjectNode();
            error.put("__type", typePrefix() + code);
            error.put(service == JsonRequests.Service.SECRETS_MANAGER ? "Message" : "message", message);
            out = JSON.writeValueAsBytes(error);
        }
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
    }

    private String typePrefix() {
        return switch (service) {
            case DYNAMODB -> "com.amazonaws.dynamodb.v20120810#";
            case SQS, STATES -> "com.amazon.coral.service#";
            case SECRETS_MANAGER, EVENTS -> "";
        };
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
