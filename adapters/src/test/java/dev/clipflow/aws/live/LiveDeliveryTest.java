package dev.clipflow.aws.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.testing.auth.RsaSigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket delivery of docs/adr/0013 from the token to the socket: two users connect with their own Cognito
 * tokens, events of both are delivered, and user B's connection receives none of user A's events - whatever B's
 * connect request claims - while forged, expired or foreign tokens connect nobody.
 */
class LiveDeliveryTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_pool";
    private static final String CLIENT = "web-client";
    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc/prod/$connect";

    private final RsaSigningKey poolKey = RsaSigningKey.generate("k1");
    private final RsaSigningKey otherKey = RsaSigningKey.generate("k1");
    private final ConnectAuthorizer authorizer = new ConnectAuthorizer(new CognitoTokens(ISSUER, CLIENT,
            poolKey.jwks(), Clock.fixed(NOW, ZoneOffset.UTC)));
    private final Map<String, String> ownerOf = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> received = new LinkedHashMap<>();
    private final LiveDelivery delivery = new LiveDelivery(new LiveDelivery.LiveConnections() {
        @Override
        public void connect(String connectionId, String ownerId) {
            ownerOf.put(connectionId, ownerId);
        }

        @Override
        public void disconnect(String connectionId) {
            ownerOf.remove(connectionId);
        }

        @Override
        public List<String> of(String ownerId) {
            return ownerOf.entrySet().stream().filter(e -> e.getValue().equals(ownerId)).map(Map.Entry::getKey)
                    .toList();
        }
    }, (connectionId, data) -> {
        received.computeIfAbsent(connectionId, c -> new ArrayList<>())
                .add(JSON.readTree(new String(data, StandardCharsets.UTF_8)));
        return true;
    });

    @Test
    void deliver_twoUsersConnected_userBReceivesNoneOfUserAsEvents() {
        connect("conn-a", poolKey.sign(claims("user-a", NOW.plusSeconds(3600))), Map.of());
        // B's connect request names A every way a client could; the connection is still B's.
        connect("conn-b", poolKey.sign(claims("user-b", NOW.plusSeconds(3600))), Map.of("ownerId", "user-a",
                "devUser", "user-a"));
        connect("conn-a2", poolKey.sign(accessClaims("user-a", NOW.plusSeconds(60))), Map.of());

        List<Integer> sent = new ArrayList<>();
        for (String type : List.of("Upload Completed", "Processing Started", "Video Published")) {
            sent.add(delivery.deliver(event("v-a", "user-a", type)));
        }
        sent.add(delivery.deliver(event("v-b", "user-b", "Video Failed")));
        sent.add(delivery.deliver(event("v-x", "", "Video Failed")));

        assertThat(sent).containsExactly(2, 2, 2, 1, 0);
        assertThat(received.get("conn-b")).extracting(e -> e.path("detail").path("videoId").asString())
                .containsExactly("v-b");
        assertThat(received.get("conn-a")).extracting(e -> e.path("detail-type").asString())
                .containsExactly("Upload Completed", "Processing Started", "Video Published");
        assertThat(received.get("conn-a2")).isEqualTo(received.get("conn-a"));
    }

    @Test
    void authorize_tokensThatProveNobody_denyAndConnectNobody() {
        Map<String, String> rejected = new LinkedHashMap<>();
        rejected.put("forged", otherKey.sign(claims("user-a", NOW.plusSeconds(3600))));
        rejected.put("expired", poolKey.sign(claims("user-a", NOW.minusSeconds(1))));
        rejected.put("other pool", poolKey.sign(claims("user-a", NOW.plusSeconds(3600))
                .replace(ISSUER, ISSUER + "x")));
        rejected.put("other client", poolKey.sign(claims("user-a", NOW.plusSeconds(3600))
                .replace(CLIENT, "evil-client")));
        rejected.put("tampered", tamper(poolKey.sign(claims("user-b", NOW.plusSeconds(3600)))));
        rejected.put("alg none", RsaSigningKey.base64Url("{\"alg\":\"none\",\"kid\":\"k1\"}") + "."
                + RsaSigningKey.base64Url(claims("user-a", NOW.plusSeconds(3600))) + ".");
        rejected.put("garbage", "not.a.jwt");
        rejected.put("missing", null);

        rejected.forEach((why, token) -> {
            Map<String, Object> response = authorizer.authorize(connectRequest(token, Map.of()));
            assertThat(response).as(why).containsEntry("principalId", "unauthenticated")
                    .containsEntry("context", Map.of());
            assertThat(response.get("policyDocument").toString()).as(why).contains("Effect=Deny")
                    .doesNotContain("Allow");
        });
        assertThatThrownBy(() -> delivery.connected(JSON.readTree(
                "{\"requestContext\":{\"connectionId\":\"c\",\"authorizer\":{}}}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ownerOf).isEmpty();
    }

    /** Runs the authorizer as API Gateway would, and on Allow the $connect route with its context. */
    private void connect(String connectionId, String token, Map<String, String> moreQuery) {
        Map<String, Object> response = authorizer.authorize(connectRequest(token, moreQuery));
        assertThat(response.get("policyDocument").toString()).contains("Effect=Allow", METHOD_ARN);
        Map<String, Object> connectEvent = Map.of("requestContext", Map.of("routeKey", "$connect", "connectionId",
                connectionId, "authorizer", Map.of("principalId", response.get("principalId"), "ownerId",
                        ((Map<?, ?>) response.get("context")).get("ownerId"))), "queryStringParameters", moreQuery);
        delivery.connected(JSON.valueToTree(connectEvent));
    }

    private static JsonNode connectRequest(String token, Map<String, String> moreQuery) {
        Map<String, String> query = new LinkedHashMap<>(moreQuery);
        if (token != null) {
            query.put("token", token);
        }
        return JSON.valueToTree(Map.of("type", "REQUEST", "methodArn", METHOD_ARN, "queryStringParameters", query));
    }

    private static JsonNode event(String videoId, String ownerId, String detailType) {
        return JSON.valueToTree(Map.of("version", "0", "id", videoId + detailType, "detail-type", detailType,
                "source", "clipflow.videos", "detail", Map.of("schemaVersion", 1, "videoId", videoId, "channelId",
                        "ch", "ownerId", ownerId, "occurredAt", NOW.toString())));
    }

    private static String claims(String sub, Instant exp) {
        return "{\"sub\":\"" + sub + "\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + CLIENT
                + "\",\"token_use\":\"id\",\"exp\":" + exp.getEpochSecond() + "}";
    }

    private static String accessClaims(String sub, Instant exp) {
        return "{\"sub\":\"" + sub + "\",\"iss\":\"" + ISSUER + "\",\"client_id\":\"" + CLIENT
                + "\",\"token_use\":\"access\",\"exp\":" + exp.getEpochSecond() + "}";
    }

    /** The same signature over claims that name someone else. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return parts[0] + "." + RsaSigningKey.base64Url(claims.replace("user-b", "user-a")) + "." + parts[2];
    }
}
