package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.util.Objects;
import java.util.function.Function;

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
