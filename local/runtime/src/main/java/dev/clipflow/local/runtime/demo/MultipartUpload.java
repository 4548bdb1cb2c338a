package dev.clipflow.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * Uploads a file through presigned multipart part URLs with plain {@code java.net.http}, as a browser would:
 * one PUT per part, keeping each part's ETag for CompleteMultipartUpload. Never logs a URL.
 */
final class MultipartUpload {

    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1: the default HTTP/2 attempt sends an h2c upgrade through the local S3 proxy, which has
            // been seen to stall the next request (docs/adr/0005); AWS endpoints are HTTPS either way.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Where the parts went: bucket and key from the presigned URLs (path-style). */
    record Target(String bucket, String key) {
    }

    /**
     * @param firstParts the {@code parts} array of the create-video response
     * @param moreParts fetches the part URLs from a part number on (the API's part-URL route)
     * @return the {@code parts} array CompleteMultipartUpload takes ({@code partNumber}, {@code eTag})
     */
    ArrayNode upload(Path file, long partSize, int partCount, JsonNode firstParts, IntFunction<JsonNode> moreParts)
            throws IOException, InterruptedException {
        ArrayNode done = Json.array();
        JsonNode urls = firstParts;
        int index = 0;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            for (int part = 1; part <= partCount; part++) {
                if (index >= urls.size()) {
                    urls = moreParts.apply(part);
                    index = 0;
                }
                JsonNode entry = urls.get(index++);
                long offset = (long) (part - 1) * partSize;
                byte[] bytes = new byte[(int) Math.min(partSize, in.length() - offset)];
                in.seek(offset);
                in.readFully(bytes);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(entry.path("url").asText()))
                        .timeout(Duration.ofMinutes(2)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new DemoFailedException("Uploading part " + part + " failed: HTTP " + r.statusCode());
                }
                ObjectNode p = done.addObject();
                p.put("partNumber", entry.path("partNumber").asInt(part));
                p.put("eTag", r.headers().firstValue("ETag").orElseThrow(
                        () -> new DemoFailedException("S3 returned no ETag for part " + entry.path("partNumber"))));
            }
        }
        return done;
    }

    /** The bucket and key a path-style presigned URL writes to. */
    static Target target(String presignedUrl) {
        String path = URI.create(presignedUrl).getRawPath().replaceFirst("^/", "");
        int slash = path.indexOf('/');
        return new Target(path.substring(0, slash),
                URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
}
