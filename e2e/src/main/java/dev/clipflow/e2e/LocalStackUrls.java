package dev.clipflow.e2e;

import java.net.URI;

/** Address translation between what a stack in LocalStack reports and what the test JVM can reach. */
public final class LocalStackUrls {

    private LocalStackUrls() {
    }

    /**
     * The HTTP API's URL from outside the container: the template's ApiUrl output
     * ({@code https://<apiId>.execute-api.<region>.amazonaws.com}) becomes LocalStack's host-based form
     * {@code http://<apiId>.execute-api.localhost.localstack.cloud:<mapped port>} ({@code $default} stage, no
     * stage in the path; *.localhost.localstack.cloud resolves to 127.0.0.1).
     */
    public static URI api(URI apiUrlOutput, URI endpoint) {
        String host = apiUrlOutput.getHost();
        String apiId = host.substring(0, host.indexOf('.'));
        return URI.create("http://" + apiId + ".execute-api.localhost.localstack.cloud:" + endpoint.getPort());
    }

    /**
     * A presigned URL made inside the container (for LocalStack's own port 4566, or virtual-hosted) pointed at the
     * mapped endpoint, path-style; path and query (the signature) are kept byte for byte.
     */
    public static URI reachable(String presignedUrl, URI endpoint) {
        URI u = URI.create(presignedUrl);
        String path = u.getRawPath();
        String host = u.getHost();
        int s3 = host.indexOf(".s3.");
        if (s3 > 0) {
            path = "/" + host.substring(0, s3) + path;
        }
        return URI.create(endpoint.getScheme() + "://" + endpoint.getHost() + ":" + endpoint.getPort() + path
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }
}
