package dev.clipflow.local.runtime.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clipflow.local.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The template's EventBridge buses on loopback: an endpoint of the EventBridge API's {@code PutEvents} (AWS JSON
 * 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}) that turns each entry into the event EventBridge delivers
 * ({@code version}, {@code id}, {@code detail-type}, {@code source}, {@code account}, {@code time},
 * {@code region}, {@code resources}, {@code detail}), keeps it in order ({@link #events()}) and hands it to every
 * subscriber ({@link #subscribe(Consumer)}: the local API's event stream). An entry for a bus the template does not
 * declare fails as on AWS ({@code ResourceNotFoundException} in its result entry); the rest of the request goes on.
 * The template's {@code AWS::Events::Rule}s with SQS targets subscribe per bus ({@link #subscribe(String, Consumer)},
 * {@code BusRules}); functions subscribed to a bus by a SAM {@code EventBridgeRule} event are not invoked here.
 */
public final class LocalEventBus implements AutoCloseable {

    private static final String TARGET = "AWSEvents.PutEvents";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Set<String> buses;
    private final List<JsonNode> log = new CopyOnWriteArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** A subscriber to every bus ({@code bus} null) or to one. */
    private record Subscriber(String bus, Consumer<JsonNode> consumer) {
    }

    private LocalEventBus(HttpServer server, ExecutorService threads, Set<String> buses) {
        this.server = server;
        this.threads = threads;
        this.buses = buses;
    }

    /** Listens on a free loopback port for the buses named (by name; their ARNs are accepted too). */
    public static LocalEventBus start(List<String> busNames) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
                    .name("event-bus-", 0).factory());
            LocalEventBus bus = new LocalEventBus(server, threads, Set.copyOf(busNames));
            server.createContext("/", bus::handle);
            server.setExecutor(threads);
            server.start();
            return bus;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for the EventBridge endpoint", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every event put so far, in the order the bus accepted them. */
    public List<JsonNode> events() {
        return List.copyOf(log);
    }

    /**
     * Hands every event accepted from now on to {@code subscriber}, on the putting request's thread, in order.
     *
     * @return closing it ends the subscription
     */
    public AutoCloseable subscribe(Consumer<JsonNode> subscriber) {
        return add(new Subscriber(null, subscriber));
    }

    /** As {@link #subscribe(Consumer)}, for the events put on one bus (by name) only. */
    public AutoCloseable subscribe(String busName, Consumer<JsonNode> subscriber) {
        return add(new Subscriber(busName(busName), subscriber));
    }

    private AutoCloseable add(Subscriber subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!TARGET.equals(target)) {
                send(exchange, 400, error("UnknownOperationException", "Only PutEvents is served locally, not "
                        + target));
                return;
            }
            JsonNode request = Json.parse(body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8));
            ObjectNode response = Json.object();
            ArrayNode results = response.putArray("Entries");
            int failed = 0;
            synchronized (this) {
                for (JsonNode entry : request.path("Entries")) {
                    String bus = busName(entry.path("EventBusName").asText("default"));
                    if (!buses.contains(bus)) {
                        failed++;
                        results.addObject().put("ErrorCode", "ResourceNotFoundException")
                                .put("ErrorMessage", "Event bus " + bus + " does not exist.");
                        continue;
                    }
                    ObjectNode event;
                    try {
                        event = event(entry);
                    } catch (RuntimeException e) {
                        failed++;
                        results.addObject().put("ErrorCode", "MalformedDetail")
                                .put("ErrorMessage", "Detail is malformed.");
                        continue;
                    }
                    log.add(event);
                    for (Subscriber s : subscribers) {
                        if (s.bus() == null || s.bus().equals(bus)) {
                            s.consumer().accept(event);
                        }
                    }
                    results.addObject().put("EventId", event.path("id").asText());
                }
            }
            response.put("FailedEntryCount", failed);
            send(exchange, 200, response);
        } catch (RuntimeException e) {
            System.err.println("event bus: " + e);
            send(exchange, 500, error("InternalException", String.valueOf(e.getMessage())));
        }
    }

    private static String busName(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash > 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private static ObjectNode event(JsonNode entry) {
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        ObjectNode event = EventEnvelope.of(entry.path("DetailType").asText(), entry.path("Source").asText(),
                Instant.now(), resources);
        String detail = entry.path("Detail").asText("{}");
        event.set("detail", Json.parse(detail.isBlank() ? "{}" : detail));
        return event;
    }

    private static ObjectNode error(String type, String message) {
        return Json.object().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] out = Json.write(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The names of the buses served, for messages. */
    public List<String> buses() {
        return new ArrayList<>(buses);
    }
}
