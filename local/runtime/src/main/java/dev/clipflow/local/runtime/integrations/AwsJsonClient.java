package dev.clipflow.local.runtime.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One AWS JSON 1.0 protocol call ({@code POST /}, {@code X-Amz-Target}), signed with SigV4 by the SDK's signer:
 * the request JSON goes through unchanged, as Step Functions' optimized integrations pass their Parameters to
 * the service API, and the response JSON comes back with {@code SdkHttpMetadata} and
 * {@code SdkResponseMetadata}, as Step Functions returns them. A service error becomes a
 * {@link TaskFailedException} named {@code <errorPrefix>.<ErrorCode>}.
 */
final class AwsJsonClient {

    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1: the default HTTP/2 attempt sends an h2c upgrade through the local S3 proxy, which has
            // been seen to stall the next request (docs/adr/0005); AWS endpoints are HTTPS either way.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String signingName;
    private final String targetPrefix;
    private final String errorPrefix;
    private final String serviceLabel;
    private final Map<String, String> config;

    /**
     * @param config {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION}
     * @param serviceLabel the service's name in AWS's error causes, e.g. {@code AmazonDynamoDBv2}
     */
    AwsJsonClient(URI endpoint, String signingName, String targetPrefix, String errorPrefix, String serviceLabel,
                  Map<String, String> config) {
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.errorPrefix = errorPrefix;
        this.serviceLabel = serviceLabel;
        this.config = config;
    }

    ObjectNode call(String operation, JsonNode request) {
        byte[] body = Json.write(request).getBytes(StandardCharsets.UTF_8);
        String target = targetPrefix + operation;
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", target).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(config.get("AWS_ACCESS_KEY_ID"),
                        config.get("AWS_SECRET_ACCESS_KEY")))
                .request(unsigned).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, config.getOrDefault("AWS_REGION", "us-east-1")));
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> req.header(name, v));
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot call " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException("States.Runtime", "Interrupted while calling " + target);
        }
        String requestId = response.headers().firstValue("x-amzn-RequestId")
                .or(() -> response.headers().firstValue("x-amz-request-id")).orElse(java.util.UUID.randomUUID()
                        .toString());
        JsonNode parsed = response.body().isBlank() ? Json.object() : Json.parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String type = parsed.path("__type").asText(response.headers().firstValue("x-amzn-query-error")
                    .orElse("InternalFailure"));
            String code = type.substring(type.lastIndexOf('#') + 1).replaceFirst(";.*$", "");
            String message = parsed.has("message") ? parsed.get("message").asText()
                    : parsed.path("Message").asText(code);
            throw new TaskFailedException(errorPrefix + "." + code, message + " (Service: " + serviceLabel
                    + "; Status Code: " + response.statusCode() + "; Error Code: " + code + "; Request ID: "
                    + requestId + "; Proxy: null)");
        }
        ObjectNode out = parsed.isObject() ? (ObjectNode) parsed : Json.object();
        ObjectNode meta = out.putObject("SdkHttpMetadata");
        ObjectNode all = meta.putObject("AllHttpHeaders");
        ObjectNode single = meta.putObject("HttpHeaders");
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                var arr = all.putArray(name);
                values.forEach(arr::add);
                single.put(name, String.join(",", values));
            }
        });
        meta.put("HttpStatusCode", response.statusCode());
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
        return out;
    }

}
