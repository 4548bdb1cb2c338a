package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.json.JsonSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * {@link LocalStepFunctions} served on loopback with the AWS JSON 1.0 protocol: {@code POST /}, header
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}, body and response {@code application/x-amz-json-1.0};
 * errors are HTTP 400 {@code {"__type": "<ErrorName>", "message": "..."}}. The AWS SDKs and
 * {@code aws stepfunctions --endpoint-url} work against it unchanged (signatures are not checked).
 */
public final class SfnEndpoint implements AutoCloseable {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String PREFIX = "AWSStepFunctions.";

    private final LocalStepFunctions service;
    private final HttpServer server;

    private SfnEndpoint(LocalStepFunctions service, HttpServer server) {
        this.service = service;
        this.server = server;
    }

    /** Starts the endpoint on 127.0.0.1 ({@code port} 0 = any free port). */
    public static SfnEndpoint start(LocalStepFunctions service, int port) {
        try {
            return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0),
                    service);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Step Functions endpoint", e);
        }
    }

    /** Serves on {@code bound}, a server already listening and not yet started (closing the endpoint stops it). */
    public static SfnEndpoint start(HttpServer bound, LocalStepFunctions service) {
        SfnEndpoint endpoint = new SfnEndpoint(service, bound);
        bound.createContext("/", endpoint::handle);
        bound.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sfn-endpoint");
            t.setDaemon(true);
            return t;
        }));
        bound.start();
        return endpoint;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public LocalStepFunctions service() {
        return service;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(PREFIX)) {
                send(exchange, 400, error("UnknownOperationException", "Expected POST with X-Amz-Target: "
                        + PREFIX + "<Operation>"));
                return;
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                request = body.isBlank() ? Json.object() : Json.parse(body);
            } catch (JsonSyntaxException e) {
                send(exchange, 400, error("SerializationException", e.getMessage()));
                return;
            }
            Function<JsonNode, ObjectNode> op = operation(target.substring(PREFIX.length()));
            if (op == null) {
                send(exchange, 400, error("UnknownOperationException", "Operation not supported locally: "
                        + target));
                return;
            }
            try {
                send(exchange, 200, op.apply(request));
            } catch (SfnErrorException e) {
                send(exchange, 400, error(e.type(), e.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, 500, error("InternalServerError", String.valueOf(e)));
            }
        }
    }

    private Function<JsonNode, ObjectNode> operation(String name) {
        return switch (name) {
            case "CreateStateMachine" -> service::createStateMachine;
            case "DescribeStateMachine" -> service::describeStateMachine;
            case "ListStateMachines" -> service::listStateMachines;
            case "StartExecution" -> service::startExecution;
            case "DescribeExecution" -> service::describeExecution;
            case "GetExecutionHistory" -> service::getExecutionHistory;
            case "ListExecutions" -> service::listExecutions;
            case "StopExecution" -> service::stopExecution;
            case "ListMapRuns" -> service::listMapRuns;
            case "DescribeMapRun" -> service::describeMapRun;
            default -> null;
        };
    }

    private static ObjectNode error(String type, String message) {
        return Json.object().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        service.close();
    }
}
