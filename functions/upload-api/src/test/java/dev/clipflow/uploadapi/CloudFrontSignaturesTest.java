package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.media.CloudFrontSignatures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.url.SignedUrl;

/**
 * The playback signatures against an independent implementation of CloudFront's custom policy: the AWS SDK's
 * {@link CloudFrontUtilities}. RSA PKCS#1 v1.5 signatures are deterministic, so the same policy signed with the same
 * key must give the same bytes.
 */
class CloudFrontSignaturesTest {
    private static final KeyPair KEYS = ApiFixture.SIGNING_KEYS;
    private static final String CDN = "https://d111111abcdef8.cloudfront.net";
    private static final Instant EXPIRES = Instant.parse("2026-12-07T15:10:00Z");

    private final SignedUrl sdk = CloudFrontUtilities.create().getSignedUrlWithCustomPolicy(r -> r
            .resourceUrl(CDN + "/restricted/vid-1/hls/master.m3u8")
            .resourceUrlPattern(CDN + "/restricted/vid-1/*")
            .privateKey(KEYS.getPrivate())
            .keyPairId("K2JCJMDEHXQW5F")
            .expirationDate(EXPIRES));
    private final Map<String, String> sdkQuery = query(sdk.url());

    @Test
    void ourPolicyAndSignature_areTheSdksByteForByte() {
        String sdkPolicy = new String(Base64.getDecoder().decode(fromUrlSafe(sdkQuery.get("Policy"))),
                StandardCharsets.UTF_8);

        String ours = CloudFrontSignatures.policy(CDN + "/restricted/vid-1/*", EXPIRES);
        Map<String, String> signed = CloudFrontSignatures.sign(ours, KEYS.getPrivate(), "K2JCJMDEHXQW5F");

        assertThat(ours).isEqualTo(sdkPolicy.replaceAll("\\s", ""));
        assertThat(signed.get("Signature")).isEqualTo(sdkQuery.get("Signature"));
        assertThat(signed.get("Key-Pair-Id")).isEqualTo(sdkQuery.get("Key-Pair-Id"));
        assertThat(signed.get("Policy")).doesNotContain("+", "/", "=");
    }

    @Test
    void allows_theSdksSignedUrl_forEveryKeyUnderItsPrefix_untilItExpires() {
        String policy = sdkQuery.get("Policy");
        String signature = sdkQuery.get("Signature");
        Instant before = EXPIRES.minusSeconds(1);

        assertThat(CloudFrontSignatures.allows(CDN + "/restricted/vid-1/hls/master.m3u8", policy, signature,
                KEYS.getPublic(), before)).isTrue();
        assertThat(CloudFrontSignatures.allows(CDN + "/restricted/vid-1/hls/360p/seg_00001.ts", policy, signature,
                KEYS.getPublic(), before)).isTrue();
        assertThat(CloudFrontSignatures.allows(CDN + "/restricted/vid-2/hls/master.m3u8", policy, signature,
                KEYS.getPublic(), before)).as("another video").isFalse();
        assertThat(CloudFrontSignatures.allows(CDN + "/restricted/vid-1/hls/master.m3u8", policy, signature,
                KEYS.getPublic(), EXPIRES)).as("expired").isFalse();
        String tampered = (signature.charAt(5) == 'A' ? "B" : "A");
        assertThat(CloudFrontSignatures.allows(CDN + "/restricted/vid-1/hls/master.m3u8", policy,
                signature.substring(0, 5) + tampered + signature.substring(6), KEYS.getPublic(), before)).isFalse();
        String otherPolicy = CloudFrontSignatures.sign(CloudFrontSignatures.policy(CDN + "/restricted/vid-2/*",
                EXPIRES), KEYS.getPrivate(), "K").get("Policy");
        assertThat(CloudFrontSignatures.allows(CDN + "/restricted/vid-2/hls/master.m3u8", otherPolicy, signature,
                KEYS.getPublic(), before)).as("a policy swapped under a signature").isFalse();
        assertThat(CloudFrontSignatures.allows(CDN + "/restricted/vid-1/x", "!!", "??", KEYS.getPublic(), before))
                .isFalse();
    }

    private static String fromUrlSafe(String v) {
        return v.replace('-', '+').replace('_', '=').replace('~', '/');
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }
}
