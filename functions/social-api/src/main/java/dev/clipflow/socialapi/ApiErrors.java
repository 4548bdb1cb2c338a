package dev.clipflow.socialapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.discovery.VideoNotPublishedException;
import dev.clipflow.paging.CursorExpiredException;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.paging.PageSizeInvalidException;
import dev.clipflow.pipeline.TransientStageException;
import dev.clipflow.social.SelfSubscriptionException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The social API's one mapping from exceptions to status codes and error codes. */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private final ApiResponses responses;

    ApiErrors(ApiResponses responses) {
        this.responses = responses;
    }

    APIGatewayV2HTTPResponse answer(RuntimeException e) {
        return switch (e) {
            case ApiRequestRejectedException r -> r.status() == 405
                    ? responses.error(405, r.code(), r.getMessage(), Map.of("Allow", allowed(r.getMessage())))
                    : responses.error(r.status(), r.code(), r.getMessage());
            case ChannelNotFoundException c -> responses.error(404, "CHANNEL_NOT_FOUND", c.getMessage() + ".");
            case SelfSubscriptionException s -> responses.error(400, "SELF_SUBSCRIPTION", s.getMessage() + ".");
            case VideoNotFoundException v -> responses.error(404, "VIDEO_NOT_FOUND", v.getMessage() + ".");
            case VideoNotPublishedException v -> responses.error(409, "VIDEO_NOT_PUBLISHED", v.getMessage() + ".");
            case CursorInvalidException c -> responses.error(400, "INVALID_CURSOR", c.getMessage() + ".");
            case CursorExpiredException c -> responses.error(400, "CURSOR_EXPIRED", c.getMessage() + ".");
            case PageSizeInvalidException p -> responses.error(400, "INVALID_PAGE_SIZE", p.getMessage() + ".");
            case TransientStageException t -> responses.error(503, "UNAVAILABLE",
                    "The service is busy; try again in a few seconds.", Map.of("Retry-After", "2"));
            default -> {
                LOG.error("Unexpected failure: {}", e.getClass().getName(), e);
                yield responses.error(500, "INTERNAL_ERROR", "Something went wrong on our side; try again later.");
            }
        };
    }

    private static String allowed(String message) {
        return message.replace("This resource accepts ", "").replace(" only.", "");
    }
}
