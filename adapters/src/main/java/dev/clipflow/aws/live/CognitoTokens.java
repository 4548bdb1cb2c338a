package dev.clipflow.aws.live;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a Cognito user pool's JWT (RS256) with the JDK alone, as API Gateway's JWT authorizer does for the HTTP
 * API: the signature by one of the pool's keys (its JWKS), the issuer, the expiry, and the app client (an ID
 * token's {@code aud}, an access token's {@code client_id}). What a verified token yields is its {@code sub}.
 */
public final class CognitoTokens {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String issuer;
    private final String clientId;
    private final Map<String, PublicKey> keys;
    private final Clock clock;

    /**
     * @param issuer the pool's issuer, {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}
     * @param clientId the app client the tokens were issued to
     * @param jwks the pool's {@code /.well-known/jwks.json}
     */
    public CognitoTokens(String issuer, String clientId, String jwks, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = parseKeys(jwks);
    }

    /** The token's {@code sub}, or {@link TokenRejectedException} saying why it is not accepted. */
    public String subject(String token) {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException("no token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejectedException("not a JWS compact serialisation");
        }
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        if (!"RS256".equals(header.path("alg").asString(""))) {
            throw new TokenRejectedException("algorithm " + header.path("alg") + " is not RS256");
        }
        PublicKey key = keys.get(header.path("kid").asString(""));
        if (key == null) {
            throw new TokenRejectedException("unknown key id " + header.path("kid"));
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(base64(parts[2]))) {
                throw new TokenRejectedException("bad signature");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenRejectedException("bad signature");
        }
        if (!issuer.equals(claims.path("iss").asString(""))) {
            throw new TokenRejectedException("issuer " + claims.path("iss") + " is not the user pool");
        }
        if (!claims.path("exp").isNumber() || claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
            throw new TokenRejectedException("expired");
        }
        String tokenUse = claims.path("token_use").asString("");
        String client = switch (tokenUse) {
            case "id" -> claims.path("aud").asString("");
            case "access" -> claims.path("client_id").asString("");
            default -> throw new TokenRejectedException(
                    "token_use " + claims.path("token_use") + " is not id or access");
        };
        if (!clientId.equals(client)) {
            throw new TokenRejectedException("issued to another app client");
        }
        String sub = claims.path("sub").asString("");
        if (sub.isBlank()) {
            throw new TokenRejectedException("no sub");
        }
        return sub;
    }

    private static JsonNode decode(String part) {
        try {
            JsonNode node = JSON.readTree(base64(part));
            if (!node.isObject()) {
                throw new TokenRejectedException("not a JSON object");
            }
            return node;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new TokenRejectedException("not base64url JSON");
        }
    }

    private static byte[] base64(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static Map<String, PublicKey> parseKeys(String jwks) {
        Map<String, PublicKey> out = new HashMap<>();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (JsonNode k : JSON.readTree(jwks).path("keys")) {
                if ("RSA".equals(k.path("kty").asString("")) && !"enc".equals(k.path("use").asString("sig"))) {
                    out.put(k.path("kid").asString(), rsa.generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, base64(k.path("n").asString())),
                            new BigInteger(1, base64(k.path("e").asString())))));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The user pool's JWKS has a key the JDK cannot read", e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The user pool's JWKS has no RSA signing key");
        }
        return Map.copyOf(out);
    }

    /** A token that does not prove who the caller is; the message says why (never the token itself). */
    public static final class TokenRejectedException extends RuntimeException {
        public TokenRejectedException(String reason) {
            super("Token rejected: " + reason);
        }
    }
}
