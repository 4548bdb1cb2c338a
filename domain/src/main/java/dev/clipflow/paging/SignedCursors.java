package dev.clipflow.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and opens signed cursors. A cursor is {@code base64url(body) "." base64url(mac)} where
 * {@code body = "1|" expiresEpochSeconds "|" position} and {@code mac = HMAC-SHA256(key, scope "\n" body)}:
 * the scope is signed but not carried, so a cursor opens only the listing it was issued for.
 */
public final class SignedCursors {
    /** Cursors live this long unless configured otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** Keys shorter than this are refused (HMAC-SHA256 wants at least 32 bytes). */
    public static final int MIN_KEY_BYTES = 32;
    private static final int MAX_CURSOR_LENGTH = 1024;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;

    public SignedCursors(byte[] key, Clock clock, Duration ttl) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The cursor key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
    }

    /** A cursor for {@code position} within {@code scope}, expiring after the configured ttl. */
    public String issue(String scope, String position) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(position, "position");
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String body = "1|" + expires + "|" + position;
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bodyBytes) + "." + ENCODER.encodeToString(mac(scope, bodyBytes));
    }

    /**
     * The position carried by {@code cursor}; throws {@link CursorInvalidException} when it was not
     * issued with our key for {@code scope}, {@link CursorExpiredException} when it has expired.
     */
    public String open(String scope, String cursor) {
        if (cursor == null || cursor.length() > MAX_CURSOR_LENGTH) {
            throw new CursorInvalidException();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            throw new CursorInvalidException();
        }
        byte[] body;
        byte[] given;
        try {
            body = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
            given = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new CursorInvalidException();
        }
        if (!MessageDigest.isEqual(given, mac(scope, body))) {
            throw new CursorInvalidException();
        }
        String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals("1")) {
            throw new CursorInvalidException();
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new CursorInvalidException();
        }
        if (clock.instant().getEpochSecond() >= expires) {
            throw new CursorExpiredException();
        }
        return parts[2];
    }

    private byte[] mac(String scope, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
