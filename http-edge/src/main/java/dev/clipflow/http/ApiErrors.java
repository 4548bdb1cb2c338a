package dev.clipflow.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API's one mapping from exceptions to answers. {@link ApiRequestRejectedException} (unknown route
 * or method, no identity, malformed body, bad id or parameter) is answered here with its own status
 * and code, a 405 with its {@code Allow} header; every other exception goes to the API's domain
 * mapping, and what that does not know is a 500 {@code INTERNAL_ERROR} that names nothing of the
 * failure (the exception is logged, not answered).
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private final ApiResponses responses;
    private final Function<? super RuntimeException, Optional<ApiError>> domain;

    /**
     * @param domain the API's own exceptions as answers, empty for the ones it does not know
     *               (a pattern-matching switch with {@code default -> null} wrapped in an Optional)
     */
    public ApiErrors(ApiResponses responses, Function<? super RuntimeException, Optional<ApiError>> domain) {
        this.responses = Objects.requireNonNull(responses, "responses");
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    public APIGatewayV2HTTPResponse answer(RuntimeException e) {
        return responses.error(switch (e) {
            case ApiRequestRejectedException r when r.status() == 405 ->
                    new ApiError(405, r.code(), r.getMessage(), Map.of("Allow", allowed(r.getMessage())));
            case ApiRequestRejectedException r -> new ApiError(r.status(), r.code(), r.getMessage());
            default -> domain.apply(e).orElseGet(() -> internal(e));
        });
    }

    private static ApiError internal(RuntimeException e) {
        LOG.error("Unexpected failure: {}", e.getClass().getName(), e);
        return new ApiError(500, "INTERNAL_ERROR", "Something went wrong on our side; try again later.");
    }

    private static String allowed(String message) {
        return message.replace("This resource accepts ", "").replace(" only.", "");
    }
}
