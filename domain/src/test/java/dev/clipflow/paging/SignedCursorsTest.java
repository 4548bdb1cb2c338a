package dev.clipflow.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedCursorsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final SignedCursors cursors = 
            new SignedCursors(KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

    @Test
    void open_issuedCursor_returnsPosition() {
        String cursor = cursors.issue("feed|alice", "2026-11-26T11:00:00.000000000Z#vid-1");

        assertThat(cursors.open("feed|alice", cursor)).isEqualTo("2026-11-26T11:00:00.000000000Z#vid-1");
    }

    @Test
    void open_otherScope_isInvalid() {
        String cursor = cursors.issue("feed|alice", "pos");

        assertThatThrownBy(() -> cursors.open("feed|bob", cursor)).isInstanceOf(CursorInvalidException.class);
    }

    @Test
    void open_alteredPosition_isInvalid() {
        String cursor = cursors.issue("feed|alice", "pos-a");
        String body = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(body.replace("pos-a", "pos-b").getBytes(StandardCharsets.UTF_8))
                + cursor.substring(cursor.indexOf('.'));

        assertThatThrownBy(() -> cursors.open("feed|alice", forged)).isInstanceOf(CursorInvalidException.class);
    }

    @Test
    void open_otherKey_isInvalid() {
        SignedCursors other = new SignedCursors("another-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

        assertThatThrownBy(() -> cursors.open("s", other.issue("s", "p"))).isInstanceOf(CursorInvalidException.class);
    }

    @Test
    void open_garbage_isInvalid() {
        for (String junk : new String[] {"", "abc", "a.b.c", "!!!.???", "x".repeat(5000)}) {
            assertThatThrownBy(() -> cursors.open("s", junk)).as(junk).isInstanceOf(CursorInvalidException.class);
        }
    }

    @Test
    void open_afterTtl_isExpired() {
        String cursor = cursors.issue("s", "p");
        SignedCursors later = new SignedCursors(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC),
                Duration.ofMinutes(10));

        assertThatThrownBy(() -> later.open("s", cursor)).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void constructor_shortKey_throws() {
        assertThatThrownBy(() -> new SignedCursors(new byte[8], Clock.systemUTC(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
