package dev.clipflow.testing.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A 2048-bit RSA key made for one test run that signs JSON Web Tokens as a Cognito user pool does (RS256, its key
 * id in the header) and publishes its public half as the pool's JWKS document, for the tests of token verification.
 */
public final class RsaSigningKey {
    private final String kid;
    private final KeyPair pair;

    private RsaSigningKey(String kid, KeyPair pair) {
        this.kid = Objects.requireNonNull(kid, "kid");
        this.pair = pair;
    }

    /** A new key pair with key id {@code kid}. */
    public static RsaSigningKey generate(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new RsaSigningKey(kid, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compact JWT: header {@code {"alg":"RS256","kid":...}}, the claims as given, the RS256 signature. */
    public String sign(String claimsJson) {
        String signingInput = base64Url("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}") + "." + base64Url(claimsJson);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(pair.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS document ({@code /.well-known/jwks.json}) with this key's public half. */
    public String jwks() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"" + kid + "\",\"n\":\""
                + unsigned(key.getModulus().toByteArray()) + "\",\"e\":\""
                + unsigned(key.getPublicExponent().toByteArray()) + "\"}]}";
    }

    /** Base64url without padding of {@code json}'s UTF-8 bytes: a JWT's header or claims part. */
    public static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JWK's unsigned big-endian integer: the two's-complement bytes without their leading sign byte. */
    private static String unsigned(byte[] twosComplement) {
        int from = twosComplement.length > 1 && twosComplement[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOfRange(twosComplement, from, twosComplement.length));
    }
}
