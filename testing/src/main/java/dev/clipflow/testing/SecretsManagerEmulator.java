package dev.clipflow.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Secrets Manager on a free loopback port, in-process: there is no Secrets Manager among the Docker-free
 * emulators, and a function that reads its secret at initialisation needs one that the real SDK client talks to.
 * The AWS JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target: secretsmanager.<Operation>}, body and answer
 * {@code application/x-amz-json-1.1}; errors are 400 {@code {"__type": "<Name>", "message": "..."}}), signatures
 * not checked. Operations: {@code CreateSecret} (a {@code SecretString}), {@code GetSecretValue} (the current
 * version) and {@code DescribeSecret}. A secret is found by its name, its ARN, or its ARN without the random
 * suffix (a partial ARN, as AWS accepts); nothing else of Secrets Manager (versions, rotation, binary secrets,
 * deletion) is offered.
 */
final class SecretsManagerEmulator {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String PREFIX = "secretsmanager.";
    private static final String ARN_PREFIX = "arn:aws:secretsmanager:" + Emulators.REGION + ":000000000000:secret:";
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Secret> byName = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private record Secret(String name, String arn, String versionId, String value, String description,
                          Instant created) {
    }

    private SecretsManagerEmulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static SecretsManagerEmulator start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            SecretsManagerEmulator emulator = new SecretsManagerEmulator(server, executor);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Secrets Manager emulator", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(PREFIX)) {
                send(exchange, error("UnknownOperationException", "Expected POST with X-Amz-Target: " + PREFIX
                        + "<Operation>"));
                return;
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                request = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (JacksonException e) {
                send(exchange, error("SerializationException", "The request body is not JSON"));
                return;
            }
            ObjectNode answer = switch (target.substring(PREFIX.length())) {
                case "CreateSecret" -> create(request);
                case "GetSecretValue" -> value(request);
                case "DescribeSecret" -> describe(request);
                default -> error("UnknownOperationException", "Operation not supported by the local Secrets Manager: "
                        + target);
            };
            send(exchange, answer);
        }
    }

    private ObjectNode create(JsonNode request) {
        String name = request.path("Name").asString("");
        if (name.isEmpty() || !request.path("SecretString").isString()) {
            return error("InvalidRequestException", "CreateSecret needs a Name and a SecretString (locally)");
        }
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        Secret secret = new Secret(name, ARN_PREFIX + name + "-" + suffix, UUID.randomUUID().toString(),
                request.path("SecretString").asString(), request.path("Description").asString(""), Instant.now());
        if (byName.putIfAbsent(name, secret) != null) {
            return error("ResourceExistsException", "The operation failed because the secret " + name
                    + " already exists.");
        }
        ObjectNode out = JSON.createObjectNode().put("ARN", secret.arn()).put("Name", name);
        return out.put("VersionId", secret.versionId());
    }

    private ObjectNode value(JsonNode request) {
        Secret s = find(request.path("SecretId").asString(""));
        if (s == null) {
            return notFound();
        }
        ObjectNode out = JSON.createObjectNode().put("ARN", s.arn()).put("Name", s.name())
                .put("VersionId", s.versionId()).put("SecretString", s.value());
        out.putArray("VersionStages").add("AWSCURRENT");
        return out.put("CreatedDate", s.created().getEpochSecond());
    }

    private ObjectNode describe(JsonNode request) {
        Secret s = find(request.path("SecretId").asString(""));
        if (s == null) {
            return notFound();
        }
        return JSON.createObjectNode().put("ARN", s.arn()).put("Name", s.name()).put("Description", s.description())
                .put("CreatedDate", s.created().getEpochSecond());
    }

    private Secret find(String id) {
        Secret named = byName.get(id);
        if (named != null) {
            return named;
        }
        return byName.values().stream().filter(s -> s.arn().equals(id) || (ARN_PREFIX + s.name()).equals(id))
                .findFirst().orElse(null);
    }

    private static ObjectNode notFound() {
        return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(body.has("__type") ? 400 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
