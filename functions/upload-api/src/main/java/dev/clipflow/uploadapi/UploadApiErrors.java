package dev.clipflow.uploadapi;

import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.MediaSigningUnavailableException;
import dev.clipflow.catalog.PageCursorInvalidException;
import dev.clipflow.catalog.QuotaExceededException;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.catalog.edit.VideoChangesEmptyException;
import dev.clipflow.catalog.edit.VideoVisibilityChangingException;
import dev.clipflow.catalog.edit.VideoVisibilityFixedException;
import dev.clipflow.catalog.upload.UploadNotOpenException;
import dev.clipflow.catalog.upload.UploadPartsInvalidException;
import dev.clipflow.catalog.upload.UploadRejectedException;
import dev.clipflow.catalog.upload.VideoMetadataInvalidException;
import dev.clipflow.http.ApiError;
import dev.clipflow.paging.CursorExpiredException;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.pipeline.TransientStageException;
import java.util.Optional;

/**
 * The upload API's domain exceptions as answers; the edge ({@link dev.clipflow.http.ApiErrors}) answers
 * rejected requests and turns anything not listed here into a 500.
 */
final class UploadApiErrors {
    private UploadApiErrors() {
    }

    static Optional<ApiError> of(RuntimeException e) {
        return Optional.ofNullable(switch (e) {
            case VideoMetadataInvalidException m -> new ApiError(400, "INVALID_METADATA", m.getMessage());
            case VideoChangesEmptyException c -> new ApiError(400, "EMPTY_EDIT", c.getMessage());
            case UploadRejectedException u -> switch (u.reason()) {
                case EMPTY -> new ApiError(400, "EMPTY_FILE", u.getMessage());
                case TOO_LARGE -> new ApiError(413, "TOO_LARGE", u.getMessage());
                case CONTENT_TYPE_NOT_ALLOWED -> new ApiError(415, "CONTENT_TYPE_NOT_ALLOWED", u.getMessage());
                case TOO_LONG -> new ApiError(400, "INVALID_DURATION", u.getMessage());
                case DAILY_LIMIT_REACHED -> new ApiError(429, "DAILY_LIMIT_REACHED", u.getMessage());
            };
            case QuotaExceededException q -> switch (q.quota()) {
                case CHANNELS -> new ApiError(429, "CHANNEL_LIMIT_REACHED", q.getMessage());
                case UPLOADS_PER_DAY -> new ApiError(429, "USER_DAILY_UPLOADS_REACHED", q.getMessage());
                case SOURCE_MINUTES_PER_DAY -> new ApiError(429, "USER_DAILY_MINUTES_REACHED", q.getMessage());
            };
            case ChannelNotFoundException c -> new ApiError(404, "CHANNEL_NOT_FOUND", c.getMessage() + ".");
            case VideoNotFoundException v -> new ApiError(404, "VIDEO_NOT_FOUND", v.getMessage() + ".");
            case VideoNotPublishedException v -> new ApiError(409, "VIDEO_NOT_PUBLISHED", v.getMessage() + ".");
            case VideoVisibilityFixedException v -> new ApiError(409, "VISIBILITY_FIXED", v.getMessage() + ".");
            case VideoVisibilityChangingException v -> new ApiError(409, "VISIBILITY_CHANGING", v.getMessage() + ".");
            case MediaSigningUnavailableException m -> new ApiError(503, "SIGNING_UNAVAILABLE",
                    "Playback signatures cannot be made right now; try again later.");
            case UploadNotOpenException n -> new ApiError(409, "UPLOAD_NOT_OPEN", n.getMessage());
            case VideoTransitionException t -> new ApiError(409, "CONFLICT", t.getMessage() + ".");
            case UploadPartsInvalidException p -> new ApiError(400, "INVALID_PARTS", p.getMessage());
            case PageCursorInvalidException c -> new ApiError(400, "INVALID_CURSOR", c.getMessage() + ".");
            case CursorInvalidException c -> new ApiError(400, "INVALID_CURSOR", c.getMessage() + ".");
            case CursorExpiredException c -> new ApiError(400, "CURSOR_EXPIRED", c.getMessage() + ".");
            case TransientStageException t -> ApiError.serviceBusy();
            default -> null;
        });
    }
}
