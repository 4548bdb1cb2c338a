package dev.clipflow.local.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.eventbridge.LocalEventBus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One caller's video events as Server-Sent Events ({@code text/event-stream}), the local stand-in for the
 * WebSocket API that delivers them on AWS (docs/adr/0013): every event of the bus whose {@code detail.ownerId} is
 * the caller, nobody else's. Each message is {@code id: <event id>} and {@code data: <the EventBridge event as
 * JSON>} (no {@code event:} field, so a browser's {@code EventSource.onmessage} gets them all); a comment every
 * {@link #KEEPALIVE} keeps proxies from closing an idle stream. A reconnecting {@code EventSource} sends
 * {@code Last-Event-ID}: the caller's events after that one are sent first, so a reconnect loses none.
 */
public final class EventStream {

    /** How often an idle stream gets a comment line. */
    public static final Duration KEEPALIVE = Duration.ofSeconds(15);

    private final LocalEventBus bus;

    public EventStream(LocalEventBus bus) {
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    /** Whether an event is the owner's (its detail names them as {@code ownerId}). */
    static boolean owns(String ownerId, JsonNode event) {
        return ownerId.equals(event.path("detail").path("ownerId").asText(null));
    }

    /** Streams the owner's events on {@code exchange} until the client goes away or the thread is interrupted. */
    public void serve(HttpExchange exchange, String ownerId) throws IOException {
        BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        try (AutoCloseable subscription = bus.subscribe(e -> {
            if (owns(ownerId, e)) {
                queue.add(e);
            }
        })) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write((": video events of " + ownerId + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (lastEventId != null) {
                boolean after = false;
                for (JsonNode e : bus.events()) {
                    if (after && owns(ownerId, e) && !queue.contains(e)) {
                        write(out, e);
                    }
                    after = after || lastEventId.equals(e.path("id").asText());
                }
            }
            while (!Thread.currentThread().isInterrupted()) {
                JsonNode event = queue.poll(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    write(out, event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } catch (Exception e) {
            throw new IllegalStateException("Cannot end the event subscription", e);
        }
    }

    private static void write(OutputStream out, JsonNode event) throws IOException {
        out.write(("id: " + event.path("id").asText() + "\ndata: " + Json.write(event) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
