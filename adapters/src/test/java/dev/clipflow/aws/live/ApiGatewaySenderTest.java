package dev.clipflow.aws.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;

/**
 * The SDK's {@code @connections} client against a local HTTP server answering as API Gateway does
 * ({@code POST /<stage>/@connections/<id>}: 200, 410 {@code GoneException}, 403 {@code ForbiddenException}).
 */
class ApiGatewaySenderTest {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server = start();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void post_sendsTheDataToTheConnection_goneIsFalse_andOtherErrorsPropagate() {
        ApiGatewaySender sender = new ApiGatewaySender(ApiGatewayManagementApiClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod"))
                .build());

        assertThat(sender.post("open=", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(sender.post("gone=", new byte[] {1})).isFalse();
        assertThatThrownBy(() -> sender.post("forbidden=", new byte[] {1})).isInstanceOf(ForbiddenException.class);
        assertThat(requests).first().isEqualTo("POST /prod/@connections/open%3D {\"a\":1}");
    }

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getRawPath();
                requests.add(exchange.getRequestMethod() + " " + path + " " + new String(body, StandardCharsets.UTF_8));
                int status = path.contains("gone") ? 410 : path.contains("forbidden") ? 403 : 200;
                if (status != 200) {
                    exchange.getResponseHeaders().add("x-amzn-ErrorType",
                            status == 410 ? "GoneException" : "ForbiddenException");
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                }
                byte[] out = status == 200 ? new byte[0] : "{\"message\":null}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
