package dev.clipflow.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.sun.net.httpserver.HttpServer;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.live.DynamoLiveConnections;
import dev.clipflow.aws.live.LiveTables;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.auth.RsaSigningKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three beans of the live zip as Lambda runs them (RequestIdFunctionInvoker, MAIN_CLASS, each function's
 * SPRING_CLOUD_FUNCTION_DEFINITION), on Dynoxide, with a loopback server standing in for the user pool's JWKS and the
 * WebSocket API's {@code @connections}: a token's owner connects, the bus event reaches that owner's connections only,
 * a gone connection is forgotten, a disconnect forgets its connection.
 */
class LiveFunctionIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT = "web-client";
    private static final RsaSigningKey POOL_KEY = RsaSigningKey.generate("k1");
    private static final List<String> POSTS = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static String issuer;
    private static String table;
    private static DynamoLiveConnections connections;
    private static RequestIdFunctionInvoker authorizer;
    private static RequestIdFunctionInvoker connectionsFunction;
    private static RequestIdFunctionInvoker notifier;

    @BeforeAll
    static void wire() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String jwks = POOL_KEY.jwks();
        server.createContext("/pool/.well-known/jwks.json", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/prod/@connections/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/prod/@connections/".length());
            POSTS.add(id + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (id.endsWith("gone")) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "GoneException");
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(410, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        issuer = base + "/pool";

        Emulators emulators = Emulators.shared();
        AwsClients aws = new AwsClients(emulators.lookup());
        table = Emulators.uniqueName("live-connections");
        LiveTables.create(aws.dynamoDb(), table);
        connections = new DynamoLiveConnections(aws.dynamoDb(), table, Clock.systemUTC());

        emulators.exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", LiveApplication.class.getName());
        System.setProperty("USER_POOL_ISSUER", issuer);
        System.setProperty("USER_POOL_CLIENT_ID", CLIENT);
        System.setProperty("LIVE_CONNECTIONS_TABLE", table);
        System.setProperty("LIVE_API_ENDPOINT", "https://never-called.execute-api.us-east-1.amazonaws.com/prod");
        System.setProperty("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", base + "/prod");
        authorizer = invoker(LiveApplication.AUTHORIZER);
        connectionsFunction = invoker(LiveApplication.CONNECTIONS);
        notifier = invoker(LiveApplication.NOTIFIER);
    }

    private static RequestIdFunctionInvoker invoker(String bean) throws Exception {
        System.setProperty("SPRING_CLOUD_FUNCTION_DEFINITION", bean);
        try {
            return new RequestIdFunctionInvoker(bean);
        } finally {
            System.clearProperty("SPRING_CLOUD_FUNCTION_DEFINITION");
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        for (String p : List.of("MAIN_CLASS", "USER_POOL_ISSUER", "USER_POOL_CLIENT_ID", "LIVE_CONNECTIONS_TABLE",
                "LIVE_API_ENDPOINT", "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI")) {
            System.clearProperty(p);
        }
    }

    @Test
    void authorizer_allowsThePoolsTokenForItsSub_andDeniesAForgedOne() throws Exception {
        JsonNode allowed = invoke(authorizer, connectRequest(token(POOL_KEY, "user-a")));
        JsonNode forged = invoke(authorizer, connectRequest(token(RsaSigningKey.generate("k1"), "user-a")));
        JsonNode none = invoke(authorizer, connectRequest(null));

        assertThat(allowed.path("principalId").asString()).isEqualTo("user-a");
        assertThat(allowed.path("context").path("ownerId").asString()).isEqualTo("user-a");
        assertThat(allowed.path("policyDocument").path("Statement").get(0).path("Effect").asString())
                .isEqualTo("Allow");
        for (JsonNode denied : List.of(forged, none)) {
            assertThat(denied.path("policyDocument").path("Statement").get(0).path("Effect").asString())
                    .isEqualTo("Deny");
            assertThat(denied.path("context").path("ownerId").isMissingNode()).isTrue();
        }
    }

    @Test
    void connectNotifyDisconnect_theEventReachesItsOwnersConnectionsOnly_andGoneOnesAreForgotten() throws Exception {
        for (String[] c : new String[][] {{"a-1", "user-a"}, {"a-2-gone", "user-a"}, {"b-1", "user-b"}}) {
            JsonNode answer = invoke(connectionsFunction, Map.of("requestContext", Map.of("routeKey", "$connect",
                    "connectionId", c[0], "authorizer", Map.of("principalId", c[1], "ownerId", c[1]))));
            assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        }

        JsonNode result = invoke(notifier, event("v-1", "user-a"));

        assertThat(result.path("delivered").asInt()).isEqualTo(1);
        assertThat(POSTS).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("a-").contains("\"videoId\":\"v-1\""));
        assertThat(connections.of("user-a")).containsExactly("a-1");
        assertThat(connections.of("user-b")).containsExactly("b-1");

        invoke(connectionsFunction, Map.of("requestContext", Map.of("routeKey", "$disconnect", "connectionId", "b-1")));
        POSTS.clear();
        assertThat(invoke(notifier, event("v-2", "user-b")).path("delivered").asInt()).isZero();
        assertThat(POSTS).isEmpty();
    }

    @Test
    void badInput_isANamedError() {
        assertThatThrownBy(() -> invoke(notifier, Map.of("source", "aws.s3", "detail", Map.of())))
                .hasStackTraceContaining("LiveEventMalformedException").hasStackTraceContaining("aws.s3");
        assertThatThrownBy(() -> invoke(connectionsFunction, Map.of("requestContext", Map.of("routeKey", "$connect",
                "connectionId", "x"))))
                .hasStackTraceContaining("LiveEventMalformedException").hasStackTraceContaining("authorized owner");
    }

    private static JsonNode invoke(RequestIdFunctionInvoker invoker, Object event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, (Context) null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> connectRequest(String token) {
        return Map.of("type", "REQUEST", "methodArn", "arn:aws:execute-api:us-east-1:123456789012:abc/prod/$connect",
                "queryStringParameters", token == null ? Map.of() : Map.of("token", token));
    }

    private static Map<String, Object> event(String videoId, String ownerId) {
        return Map.of("version", "0", "id", "e-" + videoId, "detail-type", "Video Published", "source",
                "clipflow.videos", "detail", Map.of("schemaVersion", 1, "videoId", videoId, "ownerId", ownerId));
    }

    private static String token(RsaSigningKey key, String sub) {
        String claims = "{\"sub\":\"" + sub + "\",\"iss\":\"" + issuer + "\",\"aud\":\"" + CLIENT
                + "\",\"token_use\":\"id\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}";
        return key.sign(claims);
    }
}
