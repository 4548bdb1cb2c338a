package dev.clipflow.local.runtime.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Copies an HTTP/1.1 message body byte for byte, framed as its head says (RFC 9112 section 6.3). */
final class HttpBodies {

    private static final int CAPTURE_LIMIT = 64 * 1024;

    private HttpBodies() {
    }

    /**
     * @param requestMethod the method of the request (a response to HEAD has no body)
     * @param capture receives up to 64 KiB of the body (may be {@code null})
     * @return whether the body was framed (false: it ran to the end of the stream, the connection must close)
     */
    static boolean copy(HttpHead head, String requestMethod, InputStream in, OutputStream out,
                        ByteArrayOutputStream capture) throws IOException {
        if (head.method() == null && ("HEAD".equals(requestMethod) || head.status() / 100 == 1
                || head.status() == 204 || head.status() == 304)) {
            return true;
        }
        String te = head.header("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            chunked(in, out, capture);
            return true;
        }
        String length = head.header("content-length");
        if (length != null) {
            fixed(in, out, Long.parseLong(length.trim()), capture);
            return true;
        }
        if (head.method() != null) {
            return true;
        }
        fixed(in, out, Long.MAX_VALUE, capture);
        return false;
    }

    private static void fixed(InputStream in, OutputStream out, long length, ByteArrayOutputStream capture)
            throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("Connection closed inside a body");
            }
            out.write(buf, 0, n);
            if (capture != null && capture.size() < CAPTURE_LIMIT) {
                capture.write(buf, 0, Math.min(n, CAPTURE_LIMIT - capture.size()));
            }
            left -= n;
            if (in.available() == 0) {
                // nothing more arrived yet: pass on what there is (a buffered sink would hold a slow stream,
                // such as the keep-alive whitespace S3 may send before a CompleteMultipartUpload result)
                out.flush();
            }
        }
    }

    private static void chunked(InputStream in, OutputStream out, ByteArrayOutputStream capture) throws IOException {
        while (true) {
            String sizeLine = line(in, out);
            int semi = sizeLine.indexOf(';');
            long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (!line(in, out).isEmpty()) {
                    // trailers
                }
                return;
            }
            fixed(in, out, size, capture);
            line(in, out);
        }
    }

    /** Reads and forwards one CRLF-terminated line; returns it without the CRLF. */
    private static String line(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') {
                break;
            }
            buf.write(b);
        }
        if (b < 0) {
            throw new IOException("Connection closed inside a chunked body");
        }
        return buf.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
    }
}
