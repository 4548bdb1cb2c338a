package dev.clipflow.ffmpeg;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clipflow.media.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one object of the store to ffmpeg over HTTP on the loopback interface, by byte range, so that a chunk's
 * encoder reads only the parts of the source it needs (the index and its time range) instead of a full copy
 * (docs/adr/0008). Every range ffmpeg asks for becomes one ranged read of the object; when ffmpeg seeks away,
 * the read is abandoned, not drained.
 *
 * <p>Only {@code GET} and {@code HEAD} of one random path are answered: ffmpeg runs with an empty environment
 * (no credentials) and reaches nothing but this object. Storage failures while serving show up in ffmpeg as
 * an I/O error; {@link #failure()} keeps the first one so the caller can report it as what it was.
 */
public final class SourceServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final int BUFFER = 256 * 1024;
    /**
     * The most one response carries by default. ffmpeg asks for "the rest of the file" and hangs up when it seeks;
     * what was already on its way by then was read from the store for nothing. A bounded response caps that waste
     * per seek, and ffmpeg (with {@code -reconnect 1}) asks for the next part where one ends: about 10 ranged
     * reads for a 40 s chunk of an 8 Mbit/s source.
     */
    public static final long DEFAULT_WINDOW = 4L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String path;
    private final ObjectStore store;
    private final String bucket;
    private final String key;
    private final long size;
    private final long window;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private volatile RuntimeException failure;

    private SourceServer(ObjectStore store, String bucket, String key, long size, long window) throws IOException {
        this.store = Objects.requireNonNull(store, "store");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = Objects.requireNonNull(key, "key");
        this.size = size;
        if (window < 1) {
            throw new IllegalArgumentException("The window must be at least one byte");
        }
        this.window = window;
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        this.path = "/" + HexFormat.of().formatHex(token);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts serving {@code key} ({@code size} bytes) on a free loopback port, in {@link #DEFAULT_WINDOW}s. */
    public static SourceServer start(ObjectStore store, String bucket, String key, long size) {
        return start(store, bucket, key, size, DEFAULT_WINDOW);
    }

    /** Starts serving {@code key}, each response at most {@code window} bytes. */
    public static SourceServer start(ObjectStore store, String bucket, String key, long size, long window) {
        try {
            return new SourceServer(store, bucket, key, size, window);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the loopback source server", e);
        }
    }

    /** The URL ffmpeg reads the source from. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Ranged reads of the object so far (each is one GET request to the store). */
    public long reads() {
        return reads.get();
    }

    /** Bytes of the object sent to ffmpeg so far: what the chunk read of the source. */
    public long bytesServed() {
        return served.get();
    }

    /** The first storage failure while serving, or null. */
    public RuntimeException failure() {
        return failure;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            long from = 0;
            long to = size - 1;
            String range = exchange.getRequestHeaders().getFirst("Range");
            boolean partial = range != null;
            if (partial) {
                Matcher m = RANGE.matcher(range.strip());
                if (!m.matches() || Long.parseLong(m.group(1)) >= size) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (to - from + 1 > window) {
                partial = true;
                to = from + window - 1;
            }
            long length = to - from + 1;
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (partial) {
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
                exchange.sendResponseHeaders(partial ? 206 : 200, -1);
                return;
            }
            InputStream body;
            try {
                body = store.read(bucket, key, from);
                reads.incrementAndGet();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.sendResponseHeaders(partial ? 206 : 200, length);
            copy(body, exchange.getResponseBody(), length);
        }
    }

    /** Copies {@code length} bytes; a client that hangs up (ffmpeg seeking elsewhere) ends it quietly. */
    private void copy(InputStream body, OutputStream out, long length) {
        try (body; out) {
            byte[] buffer = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                served.addAndGet(n);
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or the store failed mid-read; ffmpeg retries with a new range or fails.
            if (e instanceof RuntimeException r && failure == null) {
                failure = r;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
