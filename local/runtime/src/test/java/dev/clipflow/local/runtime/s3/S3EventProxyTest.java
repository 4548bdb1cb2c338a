package dev.clipflow.local.runtime.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy's framing against a scripted upstream that answers the way S3Proxy answers a
 * CompleteMultipartUpload (200, chunked, the terminating chunk in a later write). The proxy's behaviour with
 * the real S3Proxy and real clients is covered by {@code EventSourcesIT} and {@code LocalPipelineIT}; what is
 * pinned here are the client behaviours that are hard to provoke on purpose.
 */
class S3EventProxyTest {

    private static final String COMPLETE_BODY = "<CompleteMultipartUploadResult><Key>a b.mp4</Key>"
            + "</CompleteMultipartUploadResult>";

    private ServerSocket upstream;
    private final BlockingQueue<String> upstreamHeads = new LinkedBlockingQueue<>();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private S3EventProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::serveUpstream);
        proxy = S3EventProxy.start(URI.create("http://127.0.0.1:" + upstream.getLocalPort()), 0,
                (bucket, key, reason) -> created.add(bucket + "/" + key + " " + reason));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.close();
    }

    /** Answers every request like a CompleteMultipartUpload: head and body, a pause, then the last chunk. */
    private void serveUpstream() {
        while (!upstream.isClosed()) {
            try (Socket s = upstream.accept()) {
                InputStream in = new BufferedInputStream(s.getInputStream());
                HttpHead head = HttpHead.read(in);
                HttpBodies.copy(head, head.method(), in, OutputStream.nullOutputStream(), null);
                upstreamHeads.add(new String(head.raw(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                byte[] body = COMPLETE_BODY.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(300);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException | InterruptedException e) {
                // the test closed the upstream
            }
        }
    }

    private Socket send(String head, String body) throws IOException {
        Socket client = new Socket(proxy.endpoint().getHost(), proxy.endpoint().getPort());
        client.getOutputStream().write((head + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
        return client;
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int b;
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker) && (b = in.read()) >= 0) {
            seen.write(b);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private void awaitCreated(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (created.size() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void completeMultipartUpload_clientHangsUpBeforeLastChunk_stillReported() throws Exception {
        try (Socket client = send("POST /uploads/videos/a%20b.mp4?uploadId=u1 HTTP/1.1\r\nHost: s3.local\r\n",
                "<CompleteMultipartUpload/>")) {
            // Read what an SDK needs (the result XML), then reset the connection, as a client that is done does.
            assertThat(readUntil(client.getInputStream(), "</CompleteMultipartUploadResult>"))
                    .contains("200 OK");
            client.setSoLinger(true, 0);
        }

        awaitCreated(1);

        assertThat(created).containsExactly("uploads/videos/a b.mp4 CompleteMultipartUpload");
    }

    @Test
    void completeMultipartUpload_clientReadsToTheEnd_reportedOnceAndConnectionReusable() throws Exception {
        try (Socket client = send("POST /uploads/v/1.mp4?uploadId=u1 HTTP/1.1\r\nHost: s3.local\r\n",
                "<CompleteMultipartUpload/>")) {
            InputStream in = client.getInputStream();
            assertThat(readUntil(in, "0\r\n\r\n")).contains("</CompleteMultipartUploadResult>");
            client.getOutputStream().write(("POST /uploads/v/2.mp4?uploadId=u2 HTTP/1.1\r\nHost: s3.local\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readUntil(in, "0\r\n\r\n")).contains("</CompleteMultipartUploadResult>");
        }

        awaitCreated(2);

        assertThat(created).containsExactly("uploads/v/1.mp4 CompleteMultipartUpload",
                "uploads/v/2.mp4 CompleteMultipartUpload");
    }

    @Test
    void h2cUpgradeOffer_notForwardedUpstream_otherHeadersKept() throws Exception {
        try (Socket client = send("PUT /uploads/v/1.mp4 HTTP/1.1\r\nHost: s3.local\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABk\r\n"
                + "X-Amz-Date: 20261126T000000Z\r\n", "data")) {
            assertThat(readUntil(client.getInputStream(), "0\r\n\r\n")).contains("200 OK");
        }

        String forwarded = upstreamHeads.poll(5, TimeUnit.SECONDS);

        assertThat(forwarded).startsWith("PUT /uploads/v/1.mp4 HTTP/1.1\r\n").endsWith("\r\n\r\n")
                .contains("Host: s3.local\r\n", "X-Amz-Date: 20261126T000000Z\r\n", "Content-Length: 4\r\n")
                .doesNotContainIgnoringCase("upgrade").doesNotContainIgnoringCase("http2-settings");
        awaitCreated(1);
        assertThat(created).containsExactly("uploads/v/1.mp4 PutObject");
    }
}
