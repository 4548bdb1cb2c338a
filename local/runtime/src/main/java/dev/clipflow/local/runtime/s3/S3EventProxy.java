package dev.clipflow.local.runtime.s3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The public S3 endpoint of the local stack: a reverse proxy in front of S3Proxy that forwards every request and
 * response byte for byte (the {@code Host} header too, so SigV4 signatures and presigned URLs made for this
 * endpoint verify upstream) and, after a successful write of an object, reports it to a listener — S3Proxy
 * sends no notifications. A write is a 200 response to {@code PUT /bucket/key} (PutObject, or CopyObject with
 * {@code x-amz-copy-source}) without {@code partNumber}/{@code uploadId} or another subresource, or to
 * {@code POST /bucket/key?uploadId=...} (CompleteMultipartUpload) whose body is not an {@code <Error>}.
 * Path-style addressing only (what clients with an endpoint override use). One upstream connection per request.
 *
 * <p>The upstream response is always read to its end and a write always reported, even when the client hangs
 * up before the last bytes (see {@link ClientSink}): the object exists either way. Requests lose their h2c
 * upgrade headers ({@code Upgrade}, {@code HTTP2-Settings} and the {@code Connection} that names them), which a
 * proxy must not forward; no client signs them.
 */
public final class S3EventProxy implements AutoCloseable {

    /** Told about each object written through the proxy; called on the connection's thread. */
    @FunctionalInterface
    public interface Listener {
        /** @param key the decoded key; @param reason PutObject, CopyObject or CompleteMultipartUpload */
        void objectCreated(String bucket, String key, String reason);
    }

    /** {@code CLIPFLOW_S3_TRACE=1}: one line per request on stderr (method, path without query, status). */
    private static final boolean TRACE = "1".equals(System.getenv("CLIPFLOW_S3_TRACE"));

    private final ServerSocket server;
    private final URI upstream;
    private final Listener listener;
    private final S3Gate gate;
    private final S3Cors cors;

    private S3EventProxy(ServerSocket server, URI upstream, Listener listener, S3Gate gate, S3Cors cors) {
        this.server = server;
        this.upstream = upstream;
        this.listener = listener;
        this.gate = gate;
        this.cors = cors;
    }

    /** Listens on loopback ({@code port} 0 = any free port); every request goes through. */
    public static S3EventProxy start(URI upstream, int port, Listener listener) {
        try {
            return start(new ServerSocket(port, 128, InetAddress.getLoopbackAddress()), upstream, listener,
                    S3Gate.OPEN, S3Cors.NONE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    /**
     * Serves on {@code bound}, a socket already listening (closing the proxy closes it); {@code gate} decides which
     * requests go through and {@code cors} answers preflights and adds the CORS headers the buckets'
     * configurations call for.
     */
    public static S3EventProxy start(ServerSocket bound, URI upstream, Listener listener, S3Gate gate, S3Cors cors) {
        S3EventProxy proxy = new S3EventProxy(bound, upstream, listener, gate, cors);
        Thread.ofPlatform().daemon().name("s3-proxy-accept").start(proxy::accept);
        return proxy;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofPlatform().daemon().name("s3-proxy").start(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("s3 proxy: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            ClientSink out = new ClientSink(client.getOutputStream());
            while (exchange(in, out)) {
                out.flush();
                if (out.gone()) {
                    break;
                }
            }
            out.flush();
            if (TRACE && out.gone()) {
                System.err.println("s3: client hung up: " + out.failure());
            }
        } catch (IOException | RuntimeException e) {
            if (TRACE) {
                System.err.println("s3: connection ended: " + e + " at " + java.util.Arrays.toString(
                        java.util.Arrays.copyOf(e.getStackTrace(), Math.min(12, e.getStackTrace().length))));
            }
        }
    }

    /** One request and its response; returns whether the client connection stays open. */
    private boolean exchange(InputStream in, ClientSink out) throws IOException {
        HttpHead request = HttpHead.read(in);
        if (request == null) {
            return false;
        }
        if (TRACE) {
            System.err.println("s3: > " + request.method() + " " + request.target().replaceFirst("\\?.*", "")
                    + " " + request.headers().keySet());
        }
        if (cors.isPreflight(request)) {
            HttpBodies.copy(request, request.method(), in, OutputStream.nullOutputStream(), null);
            out.write(cors.preflight(request));
            return !"close".equalsIgnoreCase(request.header("connection"));
        }
        String corsHeaders = cors.responseHeaders(request);
        byte[] deleteBody = new byte[0];
        boolean buffered = "POST".equals(request.method()) && isDeleteObjects(request.target());
        if (buffered) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            HttpBodies.copy(request, request.method(), in, raw, null);
            deleteBody = raw.toByteArray();
        }
        S3Gate.Refusal refusal = gate.check(request.method(), request.target(), request.headers(), deleteBody);
        if (refusal != null) {
            boolean expecting = !buffered && "100-continue".equalsIgnoreCase(request.header("expect"));
            if (!buffered && !expecting) {
                HttpBodies.copy(request, request.method(), in, OutputStream.nullOutputStream(), null);
            }
            refuse(out, request, refusal, expecting, corsHeaders);
            return !expecting && !"close".equalsIgnoreCase(request.header("connection"));
        }
        try (Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
            InputStream upIn = new BufferedInputStream(up.getInputStream());
            OutputStream upOut = up.getOutputStream();
            upOut.write(request.withoutUpgrade());
            if (buffered) {
                upOut.write(deleteBody);
            }
            upOut.flush();
            HttpHead response = null;
            if ("100-continue".equalsIgnoreCase(request.header("expect"))) {
                response = HttpHead.read(upIn);
                if (response == null) {
                    return false;
                }
                if (response.status() != 100) {
                    // rejected before the body: forward the answer and drop the connection (the body may follow)
                    out.write(response.raw());
                    HttpBodies.copy(response, "GET", upIn, out, null);
                    return false;
                }
                out.write(response.raw());
                out.flush();
            }
            if (!buffered) {
                HttpBodies.copy(request, request.method(), in, upOut, null);
            }
            upOut.flush();
            do {
                response = HttpHead.read(upIn);
                if (response == null) {
                    return false;
                }
                if (response.status() == 404 && ("GET".equals(request.method()) || "HEAD".equals(request.method()))) {
                    S3Gate.Refusal hidden = gate.missingKey(request.method(), request.target(), request.headers());
                    if (hidden != null) {
                        boolean framed = HttpBodies.copy(response, request.method(), upIn,
                                OutputStream.nullOutputStream(), null);
                        refuse(out, request, hidden, !framed, corsHeaders);
                        return framed && !"close".equalsIgnoreCase(request.header("connection"));
                    }
                }
                out.write(response.status() / 100 == 1 ? response.raw() : S3Cors.withHeaders(response.raw(),
                        corsHeaders));
            } while (response.status() / 100 == 1);
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            boolean framed = HttpBodies.copy(response, request.method(), upIn, out, captured);
            out.flush();
            notifyIfWritten(request, response, captured);
            return framed && !out.gone() && !"close".equalsIgnoreCase(request.header("connection"))
                    && !"close".equalsIgnoreCase(response.header("connection"));
        }
    }

    private void notifyIfWritten(HttpHead request, HttpHead response, ByteArrayOutputStream body) {
        if (TRACE) {
            System.err.println("s3: " + request.method() + " " + request.target().replaceFirst("\\?.*", "")
                    + " -> " + response.status());
        }
        if (response.status() != 200) {
            return;
        }
        String target = request.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String[] parts = path.replaceFirst("^/", "").split("/", 2);
        if (parts.length < 2 || parts[1].isEmpty()) {
            return;
        }
        String reason = null;
        if ("PUT".equals(request.method()) && java.util.stream.Stream.of("partNumber", "uploadId", "tagging", "acl",
                "retention", "legal-hold").noneMatch(n -> hasParam(query, n))) {
            reason = request.header("x-amz-copy-source") != null ? "CopyObject" : "PutObject";
        } else if ("POST".equals(request.method()) && hasParam(query, "uploadId")
                && !body.toString(StandardCharsets.UTF_8).contains("<Error>")) {
            reason = "CompleteMultipartUpload";
        }
        if (reason != null) {
            try {
                listener.objectCreated(decode(parts[0]), decode(parts[1]), reason);
            } catch (RuntimeException | Error e) {
                // an Error too: it would otherwise end the connection's thread without a word
                System.err.println("s3 proxy: object-created listener failed: " + e);
            }
        }
    }

    /** Answers an S3 error ({@code <Error>} XML; no body to a HEAD), then closes the connection if told to. */
    private static void refuse(ClientSink out, HttpHead request, S3Gate.Refusal refusal, boolean close,
                               String corsHeaders) throws IOException {
        String requestId = Long.toHexString(System.nanoTime()).toUpperCase(java.util.Locale.ROOT);
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + refusal.code() + "</Code><Message>"
                + refusal.message().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</Message><RequestId>" + requestId + "</RequestId><HostId>local</HostId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equals(request.method());
        String reason = refusal.status() == 403 ? "Forbidden" : refusal.status() == 404 ? "Not Found" : "Error";
        out.write(("HTTP/1.1 " + refusal.status() + " " + reason + "\r\nContent-Type: application/xml\r\n"
                + "x-amz-request-id: " + requestId + "\r\nContent-Length: " + (head ? 0 : body.length) + "\r\n"
                + corsHeaders + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    /** {@code POST /bucket?delete}: DeleteObjects, whose keys are in its body. */
    private static boolean isDeleteObjects(String target) {
        int q = target.indexOf('?');
        return q > 0 && !target.substring(1, q).contains("/") && hasParam(target.substring(q + 1), "delete");
    }

    /** Whether the query has {@code name} as a parameter. */
    private static boolean hasParam(String query, String name) {
        for (String p : query.split("&")) {
            if (p.equals(name) || p.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decoding of a path: {@code +} stays a plus. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket
        }
    }
}
