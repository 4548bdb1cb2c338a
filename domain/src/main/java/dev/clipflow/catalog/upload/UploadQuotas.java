package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.QuotaExceededException;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.Video;
import java.time.LocalDate;

/**
 * The catalog's counted writes (port): each stores a new channel or video and counts it against its owner's
 * limits in one atomic write (a DynamoDB transaction), so concurrent requests never exceed a limit, a count
 * exists exactly when the thing it counts does (a failed request spends nothing, a retried one counts once per
 * thing created), and a refused request stores nothing.
 */
public interface UploadQuotas {

    /**
     * Stores a new channel and counts it against its owner's {@link UserLimits#channels()}.
     *
     * @throws QuotaExceededException {@code CHANNELS}
     */
    void createChannel(Channel channel, UserLimits limits);

    /**
     * Stores a new video and counts one upload on {@code day} for its channel (at most {@code channelUploadsPerDay})
     * and for its owner ({@link UserLimits#uploadsPerDay()}), and its {@link Video#reservedSeconds()} against the
     * owner's {@link UserLimits#sourceSecondsPerDay()}.
     *
     * @throws UploadRejectedException {@code DAILY_LIMIT_REACHED} when the channel's daily limit is reached
     * @throws QuotaExceededException  {@code UPLOADS_PER_DAY} or {@code SOURCE_MINUTES_PER_DAY}
     */
    void createVideo(Video video, LocalDate day, int channelUploadsPerDay, UserLimits limits);
}
