package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bean an HTTP API function registers: it takes the event as the bytes Lambda delivered and reads it
 * itself (with Lambda's own event serializer), then hands it to the API.
 *
 * <p>Why not a bean that takes {@link APIGatewayV2HTTPEvent}: Spring Cloud Function's AWS adapter (5.0) treats
 * an API Gateway request whose body is a JSON array (or that carries a {@code payload} header holding one) as
 * a batch, and invokes such a bean once per array element; {@code [null, null]} then fails inside the
 * framework before the API sees the request (an invocation error, a 500 to the client). A {@code byte[]} input
 * is exempt from that splitting, so every body reaches {@link JsonBody} and gets its named 400.
 */
public final class HttpApiFunction implements Function<byte[], APIGatewayV2HTTPResponse> {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, HttpApiFunction.class.getClassLoader());
    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;

    public HttpApiFunction(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Reads the event and answers it; an event that cannot be read is answered as a missing one (400). */
    @Override
    public APIGatewayV2HTTPResponse apply(byte[] event) {
        return api.apply(read(event));
    }

    /**
     * An HTTP API request on {@code routeKey} (e.g. {@code GET /videos/{videoId}}, with {@code pathParameters} for
     * its placeholders) that carries no identity: a route that needs a caller refuses it with 401 before it reads or
     * writes anything. The API functions' SnapStart priming request (docs/adr/0015).
     */
    public static String unauthenticatedRequest(String routeKey, Map<String, String> pathParameters) {
        String[] methodAndPath = routeKey.split(" ", 2);
        String path = methodAndPath[1];
        for (var parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        Map<String, Object> http = Map.of("method", methodAndPath[0], "path", path, "protocol", "HTTP/1.1",
                "sourceIp", "127.0.0.1", "userAgent", "snapstart-priming");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("pathParameters", pathParameters);
        event.put("headers", Map.of("content-type", "application/json"));
        event.put("requestContext", Map.of("http", http, "routeKey", routeKey, "stage", "$default",
                "requestId", "snapstart-priming", "timeEpoch", 0L));
        event.put("isBase64Encoded", false);
        return JsonMapper.builder().build().writeValueAsString(event);
    }

    private static APIGatewayV2HTTPEvent read(byte[] event) {
        if (event == null || event.length == 0) {
            return null;
        }
        try {
            return EVENTS.fromJson(new ByteArrayInputStream(event));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
