package dev.clipflow.uploadapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.ChannelAccessDeniedException;
import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.PageCursorInvalidException;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.catalog.upload.UploadNotOpenException;
import dev.clipflow.catalog.upload.UploadPartsInvalidException;
import dev.clipflow.catalog.upload.UploadRejectedException;
import dev.clipflow.catalog.upload.VideoMetadataInvalidException;
import dev.clipflow.pipeline.TransientStageException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP edge's one mapping from exceptions to status codes and error codes. */
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
            case VideoMetadataInvalidException m -> responses.error(400, "INVALID_METADATA", m.getMessage());
            case UploadRejectedException u -> switch (u.reason()) {
                case EMPTY -> responses.error(400, "EMPTY_FILE", u.getMessage());
                case TOO_LARGE -> responses.error(413, "TOO_LARGE", u.getMessage());
                case CONTENT_TYPE_NOT_ALLOWED -> responses.error(415, "CONTENT_TYPE_NOT_ALLOWED", u.getMessage());
                case DAILY_LIMIT_REACHED -> responses.error(429, "DAILY_LIMIT_REACHED", u.getMessage());
            };
            case ChannelNotFoundException c -> responses.error(404, "CHANNEL_NOT_FOUND", c.getMessage() + ".");
            case VideoNotFoundException v -> responses.error(404, "VIDEO_NOT_FOUND", v.getMessage() + ".");
            case ChannelAccessDeniedException d -> responses.error(403, "FORBIDDEN", d.getMessage() + ".");
            case UploadNotOpenException n -> responses.error(409, "UPLOAD_NOT_OPEN", n.getMessage());
            case VideoTransitionException t -> responses.error(409, "CONFLICT", t.getMessage() + ".");
            case UploadPartsInvalidException p -> responses.error(400, "INVALID_PARTS", p.getMessage());
            case PageCursorInvalidException c -> responses.error(400, "INVALID_CURSOR", c.getMessage() + ".");
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
