package dev.clipflow.local.runtime.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 message head as it came over the wire: the raw bytes (forwarded unchanged), the start line's
 * parts and the headers (names in lower case, first value kept).
 *
 * @param method the request method ({@code null} for a response)
 * @param target the request target ({@code null} for a response)
 * @param status the response status (0 for a request)
 */
record HttpHead(byte[] raw, String method, String target, int status, Map<String, String> headers) {

    private static final int MAX_HEAD = 64 * 1024;

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The raw head without an h2c upgrade offer: unchanged unless it has an {@code Upgrade} header, else without
     * the {@code Upgrade}, {@code HTTP2-Settings} and {@code Connection} lines (hop-by-hop headers a proxy does
     * not forward; without {@code Connection} the upstream connection is HTTP/1.1's default, persistent).
     */
    byte[] withoutUpgrade() {
        if (header("upgrade") == null) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        for (String line : new String(raw, StandardCharsets.ISO_8859_1).split("\r\n", -1)) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT)
                    : "";
            if (!HOP_BY_HOP_UPGRADE.contains(name)) {
                out.append(line).append("\r\n");
            }
        }
        // split kept the two empty strings after the final CRLFCRLF; the loop appended one CRLF too many
        out.setLength(out.length() - 2);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final java.util.Set<String> HOP_BY_HOP_UPGRADE = java.util.Set.of("upgrade", "http2-settings",
            "connection");

    /** Reads a head up to and including the empty line; {@code null} at end of stream before any byte. */
    static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (buf.size() == 0) {
                    return null;
                }
                throw new IOException("Connection closed inside an HTTP head");
            }
            buf.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (buf.size() > MAX_HEAD) {
                throw new IOException("HTTP head too large");
            }
        }
        byte[] raw = buf.toByteArray();
        String[] lines = new String(raw, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String[] start = lines[0].split(" ", 3);
        if (start[0].startsWith("HTTP/")) {
            return new HttpHead(raw, null, null, Integer.parseInt(start[1]), headers);
        }
        return new HttpHead(raw, start[0], start.length > 1 ? start[1] : "/", 0, headers);
    }
}
