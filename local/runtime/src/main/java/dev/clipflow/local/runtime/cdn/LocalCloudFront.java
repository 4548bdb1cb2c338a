package dev.clipflow.local.runtime.cdn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stand-in for CloudFront's control plane, as much of it as the stack calls: {@code CreateInvalidation}
 * ({@code POST /2020-05-31/distribution/<id>/invalidation}, REST-XML), answered as CloudFront does and recorded. The
 * media stand-in ({@link MediaServer}) caches nothing, so there is nothing to purge: every request after the
 * invalidation reads the origin bucket, which is what an invalidation guarantees. Functions reach it through
 * {@code AWS_ENDPOINT_URL_CLOUDFRONT}; the role's {@code cloudfront:*} grants are not enforced locally.
 */
public final class LocalCloudFront implements AutoCloseable {
    private static final Pattern INVALIDATION = Pattern.compile("^/2020-05-31/distribution/([^/]+)/invalidation$");
    private static final Pattern PATH = Pattern.compile("<Path>([^<]*)</Path>");
    private static final Pattern CALLER = Pattern.compile("<CallerReference>([^<]*)</CallerReference>");

    /** One invalidation the stack asked for. */
    public record Invalidation(String id, String distributionId, String callerReference, List<String> paths) {
    }

    private final HttpServer server;
    private final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private LocalCloudFront(HttpServer server) {
        this.server = server;
    }

    public static LocalCloudFront start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LocalCloudFront cloudFront = new LocalCloudFront(server);
            server.createContext("/", cloudFront::handle);
            server.start();
            return cloudFront;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for the CloudFront API stand-in", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next {@code n} requests 503 ServiceUnavailable (a test's transient CloudFront outage). */
    public void failNext(int n) {
        failures.set(n);
    }

    /** The invalidations asked for so far, oldest first. */
    public List<Invalidation> invalidations() {
        return List.copyOf(invalidations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = INVALIDATION.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !m.matches()) {
                send(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidArgument</Code><Message>"
                        + "The local CloudFront API answers CreateInvalidation only</Message></Error></ErrorResponse>");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 503, "<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code>"
                        + "<Message>Injected by a test</Message></Error></ErrorResponse>");
                return;
            }
            List<String> paths = new ArrayList<>();
            Matcher p = PATH.matcher(body);
            while (p.find()) {
                paths.add(p.group(1));
            }
            Matcher c = CALLER.matcher(body);
            String caller = c.find() ? c.group(1) : "";
            String distribution = m.group(1);
            Invalidation existing = invalidations.stream()
                    .filter(i -> i.distributionId().equals(distribution) && i.callerReference().equals(caller))
                    .findFirst().orElse(null);
            Invalidation inv = existing != null ? existing
                    : new Invalidation("ILOCAL" + ids.incrementAndGet(), distribution, caller, List.copyOf(paths));
            if (existing == null) {
                invalidations.add(inv);
            }
            StringBuilder items = new StringBuilder();
            inv.paths().forEach(path -> items.append("<Path>").append(path).append("</Path>"));
            exchange.getResponseHeaders().set("Location", endpoint() + exchange.getRequestURI().getPath() + "/"
                    + inv.id());
            send(exchange, 201, "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>"
                    + inv.id() + "</Id><Status>Completed</Status><CreateTime>" + Instant.now() + "</CreateTime>"
                    + "<InvalidationBatch><Paths><Quantity>" + inv.paths().size() + "</Quantity><Items>" + items
                    + "</Items></Paths><CallerReference>" + caller + "</CallerReference></InvalidationBatch>"
                    + "</Invalidation>");
        }
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
