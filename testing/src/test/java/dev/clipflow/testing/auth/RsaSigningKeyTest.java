package dev.clipflow.testing.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RsaSigningKeyTest {

    private final RsaSigningKey key = RsaSigningKey.generate("k1");

    @Test
    void sign_headerNamesTheKey_andTheSignatureVerifiesWithTheKeyTheJwksPublishes() throws Exception {
        String token = key.sign("{\"sub\":\"user-a\"}");
        String[] parts = token.split("\\.");

        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"k1\"}");
        assertThat(decode(parts[1])).isEqualTo("{\"sub\":\"user-a\"}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(fromJwks(key.jwks()));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void jwks_anotherKey_doesNotVerifyThisKeysToken() throws Exception {
        String[] parts = key.sign("{\"sub\":\"user-a\"}").split("\\.");

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(fromJwks(RsaSigningKey.generate("k1").jwks()));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }

    private static PublicKey fromJwks(String jwks) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(unsigned(field(jwks, "n")), unsigned(field(jwks, "e"))));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([A-Za-z0-9_-]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
