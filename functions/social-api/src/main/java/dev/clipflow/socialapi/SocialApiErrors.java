package dev.clipflow.socialapi;

import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.http.ApiError;
import dev.clipflow.paging.CursorExpiredException;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.paging.PageSizeInvalidException;
import dev.clipflow.pipeline.TransientStageException;
import dev.clipflow.social.SelfSubscriptionException;
import java.util.Optional;

/**
 * The social API's domain exceptions as answers; the edge ({@link dev.clipflow.http.ApiErrors}) answers
 * rejected requests and turns anything not listed here into a 500.
 */
final class SocialApiErrors {
    private SocialApiErrors() {
    }

    static Optional<ApiError> of(RuntimeException e) {
        return Optional.ofNullable(switch (e) {
            case ChannelNotFoundException c -> new ApiError(404, "CHANNEL_NOT_FOUND", c.getMessage() + ".");
            case SelfSubscriptionException s -> new ApiError(400, "SELF_SUBSCRIPTION", s.getMessage() + ".");
            case VideoNotFoundException v -> new ApiError(404, "VIDEO_NOT_FOUND", v.getMessage() + ".");
            case VideoNotPublishedException v -> new ApiError(409, "VIDEO_NOT_PUBLISHED", v.getMessage() + ".");
            case CursorInvalidException c -> new ApiError(400, "INVALID_CURSOR", c.getMessage() + ".");
            case CursorExpiredException c -> new ApiError(400, "CURSOR_EXPIRED", c.getMessage() + ".");
            case PageSizeInvalidException p -> new ApiError(400, "INVALID_PAGE_SIZE", p.getMessage() + ".");
            case TransientStageException t -> ApiError.serviceBusy();
            default -> null;
        });
    }
}
