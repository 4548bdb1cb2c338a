package dev.clipflow.aws.dynamodb.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.clipflow.pipeline.TransientStageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which DynamoDB errors the adapters retry: each error code DynamoDB documents, answered on the wire as DynamoDB
 * answers it, so that the SDK builds the exception (class, status, flags) exactly as it does against AWS.
 */
class ItemsTest {
    private static HttpServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            // The test names the error to answer with in the table name: "<status>.<code>".
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String table = body.replaceAll("(?s).*\"TableName\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            int status = Integer.parseInt(table.substring(0, table.indexOf('.')));
            String code = table.substring(table.indexOf('.') + 1);
            byte[] answer = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code
                    + "\",\"message\":\"answered by the test\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.stop(0);
    }

    @ParameterizedTest(name = "{1} ({0}) transient: {2}")
    @CsvSource({
        "400, ProvisionedThroughputExceededException, true",
        "400, RequestLimitExceeded, true",
        "400, ThrottlingException, true",
        "400, TransactionConflictException, true",
        "400, TransactionInProgressException, true",
        "500, InternalServerError, true",
        "503, ServiceUnavailable, true",
        "400, ConditionalCheckFailedException, false",
        "400, TransactionCanceledException, false",
        "400, ValidationException, false",
        "400, ResourceNotFoundException, false",
        "400, ResourceInUseException, false",
        "400, ItemCollectionSizeLimitExceededException, false",
        "400, IdempotentParameterMismatchException, false",
        "400, AccessDeniedException, false",
        "400, UnrecognizedClientException, false",
        "400, MissingAuthenticationTokenException, false",
        "400, SerializationException, false",
    })
    void translate_eachDynamoErrorCode_isTransientOnlyWhenARetryCanPass(int status, String code,
            boolean transientError) {
        SdkException failure = catchThrowableOfType(SdkException.class,
                () -> dynamo.getItem(r -> r.tableName(status + "." + code).key(Map.of("id", Items.s("v1")))));
        assertThat(failure).as("the SDK's exception for %s", code).isNotNull();

        RuntimeException translated = Items.translate("GetItem", failure);

        if (transientError) {
            assertThat(translated).isInstanceOf(TransientStageException.class)
                    .hasMessageContaining("GetItem").hasCause(failure);
        } else {
            assertThat(translated).isSameAs(failure);
        }
    }

    @Test
    void translate_clientSideIoFailure_isTransient() {
        var io = SdkClientException.create("connection reset", new IOException("reset"));

        assertThat(Items.translate("GetItem", io)).isInstanceOf(TransientStageException.class);
    }

    @Test
    void time_isFixedWidthSoThatStringOrderIsTimeOrder() {
        Instant whole = Instant.parse("2026-12-07T10:00:00Z");
        Instant later = Instant.parse("2026-12-07T10:00:00.5Z");

        AttributeValue a = Items.time(whole);
        AttributeValue b = Items.time(later);

        assertThat(a.s()).isEqualTo("2026-12-07T10:00:00.000000000Z").hasSameSizeAs(b.s());
        assertThat(a.s()).isLessThan(b.s());
        assertThat(Items.parseTime(b.s())).isEqualTo(later);
        assertThat(Items.instant(Map.of("at", a), "at")).isEqualTo(whole);
    }
}
