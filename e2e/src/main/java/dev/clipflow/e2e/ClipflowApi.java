package dev.clipflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP API over plain {@code java.net.http}, as a client application would call it. Logs nothing. */
public final class ClipflowApi implements ApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1, as curl speaks to plain-HTTP endpoints (the local ones); AWS endpoints are HTTPS anyway.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public ClipflowApi(URI base) {
        this.base = base;
    }

    /** An answer: status, parsed JSON body (a missing node when empty or not JSON) and the raw body. */
    public record Response(int status, JsonNode body, String raw) {
        @Override
        public String toString() {
            return "HTTP " + status + " " + raw;
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param path path and query, e.g. {@code /videos/abc} or {@code /me/feed?limit=50}
     * @param body JSON body or {@code null}
     */
    @Override
    public Response call(TestUser user, String method, String path, JsonNode body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            req.header("content-type", "application/json");
        }
        user.headers().forEach(req::header);
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                parsed = JSON.missingNode();
            }
            return new Response(r.statusCode(), parsed, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + path, e);
        }
    }

    /** GETs a URL as a player would (no credentials): the status, the content type and the body as text. */
    public Response fetch(URI url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), JSON.missingNode(),
                    r.headers().firstValue("content-type").orElse("") + "\n" + r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: GET " + url, e);
        }
    }

    /** PUTs bytes to a presigned URL; answers the status and the ETag header (empty when absent). */
    @Override
    public PartResult put(URI presigned, byte[] bytes) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(presigned).timeout(Duration.ofMinutes(2))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return new PartResult(r.statusCode(), r.headers().firstValue("ETag").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException("PUT of a part failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during a part upload", e);
        }
    }

    /** The answer to one part's PUT. */
    public record PartResult(int status, String eTag) {
    }
}
