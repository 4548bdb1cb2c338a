package dev.clipflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * The calls the suite makes as a client: the HTTP API's routes, and PUTs to presigned URLs. Over HTTP
 * ({@link ClipflowApi}) or, on a target without API Gateway, straight to the functions ({@link DirectApi}).
 */
public interface ApiCalls {

    /**
     * @param path path and query, e.g. {@code /videos/abc} or {@code /me/feed?limit=50}
     * @param body JSON body or {@code null}
     */
    ClipflowApi.Response call(TestUser user, String method, String path, JsonNode body);

    /** PUTs bytes to a presigned URL; answers the status and the ETag header (empty when absent). */
    ClipflowApi.PartResult put(URI presigned, byte[] bytes);
}
