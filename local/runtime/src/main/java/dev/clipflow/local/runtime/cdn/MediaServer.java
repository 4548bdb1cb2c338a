package dev.clipflow.local.runtime.cdn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clipflow.local.runtime.template.DistributionDef;
import dev.clipflow.media.CloudFrontSignatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The local stand-in for the template's CloudFront distribution: plain HTTP on 127.0.0.1, serving GET and HEAD
 * of its origin bucket's objects (the media bucket; never another bucket), with the managed SimpleCORS
 * response headers the distribution adds ({@code Access-Control-Allow-Origin: *}) and byte ranges. A missing
 * key answers 403, as S3 behind an origin access control without ListBucket does; other methods answer 403
 * too, as CloudFront does for methods a behaviour does not allow. The distribution's {@code DomainName}
 * resolves to this server's {@code host:port} locally, and a {@code https://} URL built on it is served as
 * {@code http://} (see {@code LocalOverrides}), so the playback URLs the API returns play locally. The
 * distribution's cache behaviours with {@code TrustedKeyGroups} ({@code restricted/*}) are served only with a valid
 * CloudFront signature of one of their keys ({@link CloudFrontSignatures#allows}: the key's signature over a custom
 * policy whose resource matches this request's URL and which has not expired), else 403 as CloudFront answers.
 * No caching, no compression.
 */
public final class MediaServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("m3u8", "application/vnd.apple.mpegurl",
            "ts", "video/mp2t", "jpg", "image/jpeg", "vtt", "text/vtt", "mp4", "video/mp4", "m4s", "video/iso.segment");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "media-server");
        t.setDaemon(true);
        return t;
    });
    private final String bucket;
    private final S3Client s3;
    private final List<Signed> signed;

    /** A path pattern served only with a signature of one of {@code keys}. */
    private record Signed(String pathPattern, List<PublicKey> keys) {
    }

    private MediaServer(HttpServer server, String bucket, S3Client s3, List<Signed> signed) {
        this.server = server;
        this.bucket = bucket;
        this.s3 = s3;
        this.signed = List.copyOf(signed);
    }

    /**
     * Serves {@code originBucket} on {@code bound}, a server already listening and not yet started (its address is
     * the distribution's {@code DomainName}, which the template needed before the bucket existed; closing the media
     * server stops it), the {@code signed} behaviours' paths only with a signature of one of their keys (a key that
     * is not a PEM public key opens nothing).
     */
    public static MediaServer start(HttpServer bound, String originBucket, S3Client client,
                                    List<DistributionDef.SignedBehavior> signedBehaviors) {
        List<Signed> checks = new ArrayList<>();
        for (DistributionDef.SignedBehavior b : signedBehaviors) {
            List<PublicKey> keys = new ArrayList<>();
            for (String pem : b.publicKeyPems()) {
                try {
                    keys.add(CloudFrontSignatures.publicKey(pem));
                } catch (IllegalArgumentException e) {
                    System.err.println("media: a trusted key of " + b.pathPattern() + " is not a PEM public key;"
                            + " it opens nothing");
                }
            }
            checks.add(new Signed(b.pathPattern(), List.copyOf(keys)));
        }
        MediaServer media = new MediaServer(bound, originBucket, client, checks);
        bound.setExecutor(media.executor);
        bound.createContext("/", media::handle);
        bound.start();
        return media;
    }

    /** {@code 127.0.0.1:<port>}: the distribution's {@code DomainName} locally. */
    private String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://" + host());
    }

    /** The bucket served (the distribution's origin). */
    public String bucket() {
        return bucket;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("Access-Control-Allow-Origin", "*");
            headers.set("Server", "clipflow-local-cloudfront");
            String method = exchange.getRequestMethod();
            if ("OPTIONS".equals(method)) {
                headers.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                error(exchange, 403, "MethodNotAllowed", "This distribution allows GET, HEAD and OPTIONS.");
                return;
            }
            String key = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
            if (key.isEmpty()) {
                error(exchange, 403, "AccessDenied", "Access Denied");
                return;
            }
            if (!signatureAllows(exchange, key)) {
                error(exchange, 403, "AccessDenied", "Access denied: this path needs a valid CloudFront signature.");
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            try (ResponseInputStream<GetObjectResponse> object = s3.getObject(r -> r.bucket(bucket).key(key)
                    .range(range))) {
                GetObjectResponse o = object.response();
                headers.set("Content-Type", contentType(key, o.contentType()));
                headers.set("Accept-Ranges", "bytes");
                if (o.eTag() != null) {
                    headers.set("ETag", o.eTag());
                }
                if (o.contentRange() != null) {
                    headers.set("Content-Range", o.contentRange());
                }
                int status = o.contentRange() != null ? 206 : 200;
                long length = o.contentLength() == null ? 0 : o.contentLength();
                if ("HEAD".equals(method)) {
                    headers.set("Content-Length", String.valueOf(length));
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
                try (OutputStream out = exchange.getResponseBody()) {
                    copy(object, out);
                }
            } catch (S3Exception e) {
                if (e.statusCode() == 416) {
                    error(exchange, 416, "InvalidRange", "The requested range is not satisfiable");
                } else {
                    // NoSuchKey included: behind an origin access control without ListBucket, S3 answers 403.
                    error(exchange, 403, "AccessDenied", "Access Denied");
                }
            }
        } catch (RuntimeException e) {
            System.err.println("media: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " failed: " + e);
        }
    }

    /** True unless {@code key} is under a signed behaviour and the request carries no valid signature for it. */
    private boolean signatureAllows(HttpExchange exchange, String key) {
        for (Signed s : signed) {
            if (CloudFrontSignatures.matches(s.pathPattern(), key)) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String url = "http://" + host() + exchange.getRequestURI().getRawPath();
                Instant now = Instant.now();
                return s.keys().stream().anyMatch(k -> CloudFrontSignatures.allows(url,
                        query.get(CloudFrontSignatures.POLICY), query.get(CloudFrontSignatures.SIGNATURE), k, now));
            }
        }
        return true;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }

    static String contentType(String key, String stored) {
        String ext = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (stored != null && !stored.isBlank() && !"binary/octet-stream".equals(stored)
                && !"application/octet-stream".equals(stored)) {
            return stored;
        }
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
