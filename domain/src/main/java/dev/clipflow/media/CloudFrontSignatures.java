package dev.clipflow.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFront signed-URL signatures with a custom policy, as the CloudFront Developer Guide defines them ("Create a
 * signed URL using a custom policy"): the policy is the JSON
 * {@code {"Statement":[{"Resource":"<url pattern>","Condition":{"DateLessThan":{"AWS:EpochTime":<seconds>}}}]}}
 * without white space; the request carries {@code Policy} (the policy, base64), {@code Signature} (RSA-SHA1 of the
 * policy's bytes, base64) and {@code Key-Pair-Id} (the CloudFront public key's id) as query parameters; both base64
 * values use CloudFront's URL-safe alphabet ({@code +} to {@code -}, {@code =} to {@code _}, {@code /} to {@code ~}).
 * A resource ending in {@code *} opens every URL that starts with the rest, so one signature serves a whole HLS
 * ladder (playlists and segments) and the player appends the same query string to each request.
 *
 * <p>The signing half is what the upload API hands out ({@code GET /videos/{id}/playback}); the checking half is
 * what the local runtime's CDN stand-in does in CloudFront's place.
 */
public final class CloudFrontSignatures {
    public static final String POLICY = "Policy";
    public static final String SIGNATURE = "Signature";
    public static final String KEY_PAIR_ID = "Key-Pair-Id";
    private static final String ALGORITHM = "SHA1withRSA";
    private static final Pattern POLICY_SHAPE = Pattern.compile(
            "\\{\"Statement\":\\[\\{\"Resource\":\"([^\"\\\\]+)\",\"Condition\":\\{\"DateLessThan\":"
                    + "\\{\"AWS:EpochTime\":(\\d{1,12})}}}]}");

    private CloudFrontSignatures() {
    }

    /** The custom policy for {@code resource} (a URL, may end in {@code *}) valid until {@code expiresAt}. */
    public static String policy(String resource, Instant expiresAt) {
        Objects.requireNonNull(resource, "resource");
        if (resource.contains("\"") || resource.contains("\\")) {
            throw new IllegalArgumentException("A policy resource cannot contain quotes or backslashes");
        }
        return "{\"Statement\":[{\"Resource\":\"" + resource + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                + expiresAt.getEpochSecond() + "}}}]}";
    }

    /** The query parameters ({@link #POLICY}, {@link #SIGNATURE}, {@link #KEY_PAIR_ID}) that sign {@code policy}. */
    public static Map<String, String> sign(String policy, PrivateKey key, String keyPairId) {
        byte[] bytes = policy.getBytes(StandardCharsets.UTF_8);
        try {
            Signature rsa = Signature.getInstance(ALGORITHM);
            rsa.initSign(key);
            rsa.update(bytes);
            Map<String, String> query = new LinkedHashMap<>();
            query.put(POLICY, urlSafe(bytes));
            query.put(SIGNATURE, urlSafe(rsa.sign()));
            query.put(KEY_PAIR_ID, Objects.requireNonNull(keyPairId, "keyPairId"));
            return query;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the media signing key: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    /**
     * Whether a request for {@code url} (scheme, host and path, no query) carrying {@code policy} and
     * {@code signature} (as received, CloudFront's URL-safe base64) is allowed at {@code now}: the signature is the
     * key's over the policy, the policy has the shape {@link #policy} makes, its resource matches the URL and it has
     * not expired. Never throws for malformed input: it is simply not allowed.
     */
    public static boolean allows(String url, String policy, String signature, PublicKey key, Instant now) {
        if (url == null || policy == null || signature == null) {
            return false;
        }
        try {
            byte[] policyBytes = fromUrlSafe(policy);
            Signature rsa = Signature.getInstance(ALGORITHM);
            rsa.initVerify(key);
            rsa.update(policyBytes);
            if (!rsa.verify(fromUrlSafe(signature))) {
                return false;
            }
            Matcher m = POLICY_SHAPE.matcher(new String(policyBytes, StandardCharsets.UTF_8));
            if (!m.matches()) {
                return false;
            }
            return matches(m.group(1), url) && now.getEpochSecond() < Long.parseLong(m.group(2));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** CloudFront's wildcards: {@code *} any run of characters (none included), {@code ?} one character. */
    public static boolean matches(String pattern, String url) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(url).matches();
    }

    /** An RSA private key from PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8, as {@code openssl genpkey} writes). */
    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /** An RSA public key from PEM ({@code -----BEGIN PUBLIC KEY-----}, as the template's parameter holds it). */
    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA public key in PEM", e);
        }
    }

    /** The PEM text of a key's encoding ({@code PRIVATE KEY} for PKCS#8, {@code PUBLIC KEY} for X.509). */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem == null ? -1 : pem.indexOf(begin);
        int to = from < 0 ? -1 : pem.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("Not a PEM " + type + " (expected " + begin + ")");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    static String urlSafe(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('=', '_').replace('/', '~');
    }

    static byte[] fromUrlSafe(String value) {
        return Base64.getDecoder().decode(value.replace('-', '+').replace('_', '=').replace('~', '/'));
    }
}
