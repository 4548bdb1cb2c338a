package dev.clipflow.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny Step Functions endpoint on loopback speaking the service's JSON 1.0 protocol, for the
 * operations our adapters call, in tests of modules that may not depend on the local runtime's real
 * endpoint (production modules never import {@code local/}): StartExecution (with
 * AWS's name idempotency: same name and input while running answers the same execution, any other
 * reuse is 400 ExecutionAlreadyExists), DescribeExecution (RUNNING once started, until a test sets
 * another status; an unknown ARN is 400 ExecutionDoesNotExist) and GetExecutionHistory (canned events,
 * two per page).
 */
public final class FakeStepFunctions implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> inputsByArn = new LinkedHashMap<>();
    private final List<String> historyEvents = new ArrayList<>();
    private final Map<String, String> statusByArn = new LinkedHashMap<>();
    private volatile boolean throttle;

    public FakeStepFunctions() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized int executionCount() {
        return inputsByArn.size();
    }

    /** The ARNs of the executions started, oldest first. */
    public synchronized List<String> executionArns() {
        return List.copyOf(inputsByArn.keySet());
    }

    /** Sets what DescribeExecution answers for a started execution ({@code FAILED}, {@code TIMED_OUT}, ...). */
    public synchronized void status(String executionArn, String status) {
        if (!inputsByArn.containsKey(executionArn)) {
            throw new IllegalArgumentException("Not started: " + executionArn);
        }
        statusByArn.put(executionArn, status);
    }

    /** Adds one history event, given as its JSON object. */
    public synchronized void history(String eventJson) {
        historyEvents.add(eventJson);
    }

    public void throttle(boolean on) {
        throttle = on;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (throttle) {
            respond(exchange, 400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        } else if ("AWSStepFunctions.StartExecution".equals(target)) {
            startExecution(exchange, body);
        } else if ("AWSStepFunctions.DescribeExecution".equals(target)) {
            describeExecution(exchange, body);
        } else if ("AWSStepFunctions.GetExecutionHistory".equals(target)) {
            history(exchange, body);
        } else {
            respond(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}");
        }
    }

    private void startExecution(HttpExchange exchange, String body) throws IOException {
        String machine = field(body, "stateMachineArn");
        String name = field(body, "name");
        String input = field(body, "input");
        String arn = machine.replace(":stateMachine:", ":execution:") + ":" + name;
        String existing = inputsByArn.putIfAbsent(arn, input);
        if (existing != null && !existing.equals(input)) {
            respond(exchange, 400, "{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"Execution Already Exists: '"
                    + arn + "'\"}");
            return;
        }
        respond(exchange, 200, "{\"executionArn\":\"" + arn + "\",\"startDate\":1764151200.0}");
    }

    private void describeExecution(HttpExchange exchange, String body) throws IOException {
        String arn = field(body, "executionArn");
        if (!inputsByArn.containsKey(arn)) {
            respond(exchange, 400, "{\"__type\":\"ExecutionDoesNotExist\",\"message\":\"Execution Does Not Exist: '"
                    + arn + "'\"}");
            return;
        }
        String machine = arn.substring(0, arn.lastIndexOf(':')).replace(":execution:", ":stateMachine:");
        respond(exchange, 200, "{\"executionArn\":\"" + arn + "\",\"stateMachineArn\":\"" + machine
                + "\",\"name\":\"" + arn.substring(arn.lastIndexOf(':') + 1) + "\",\"status\":\""
                + statusByArn.getOrDefault(arn, "RUNNING") + "\",\"startDate\":1764151200.0}");
    }

    private void history(HttpExchange exchange, String body) throws IOException {
        String token = field(body, "nextToken");
        int from = token == null ? 0 : Integer.parseInt(token);
        int to = Math.min(historyEvents.size(), from + 2);
        String next = to < historyEvents.size() ? ",\"nextToken\":\"" + to + "\"" : "";
        respond(exchange, 200, "{\"events\":[" + String.join(",", historyEvents.subList(from, to)) + "]" + next + "}");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
