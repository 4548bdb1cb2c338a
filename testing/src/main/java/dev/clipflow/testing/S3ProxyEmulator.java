package dev.clipflow.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy with jclouds' in-memory ("transient") blob store, SigV4 enforced, on a free loopback port. Any access
 * key id signing with the secret key is accepted (the local runtime gives each function's role its own key id and
 * authorises them in front of S3Proxy); a wrong signature is refused as before.
 */
final class S3ProxyEmulator {
    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3ProxyEmulator(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    static S3ProxyEmulator start(String accessKey, String secretKey) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.regions", "us-east-1");
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .build();
        var blobStore = context.getBlobStore();
        proxy.setBlobStoreLocator((identity, container, blob) -> identity == null ? null
                : java.util.Map.entry(secretKey, blobStore));
        try {
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 10 s: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("Could not start S3Proxy: " + e.getMessage(), e);
        }
        return new S3ProxyEmulator(proxy, context);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping at JVM exit: nothing left to do
        } finally {
            context.close();
        }
    }
}
