package dev.clipflow.catalog;

import java.util.Objects;

/**
 * Thrown when a user asks for more than their {@link UserLimits} allow; nothing was stored or counted. The
 * message is a sentence the user can act on. Permanent until the day (UTC) turns, or, for channels, for good.
 */
public class QuotaExceededException extends RuntimeException {
    /** Which limit was reached. */
    public enum Quota {
        /** {@link UserLimits#channels()}. */
        CHANNELS,
        /** {@link UserLimits#uploadsPerDay()}. */
        UPLOADS_PER_DAY,
        /** {@link UserLimits#sourceMinutesPerDay()}. */
        SOURCE_MINUTES_PER_DAY
    }

    private final Quota quota;

    public QuotaExceededException(Quota quota, String message) {
        super(message);
        this.quota = Objects.requireNonNull(quota, "quota");
    }

    public Quota quota() {
        return quota;
    }

    /** The exception for {@code quota} at {@code limits}, with its sentence. */
    public static QuotaExceededException of(Quota quota, UserLimits limits) {
        return new QuotaExceededException(quota, switch (quota) {
            case CHANNELS -> "You have reached your limit of " + limits.channels() + " channels.";
            case UPLOADS_PER_DAY -> "You have reached your limit of " + limits.uploadsPerDay()
                    + " uploads per day (UTC), over all your channels; try again tomorrow.";
            case SOURCE_MINUTES_PER_DAY -> "This upload would take you past your limit of "
                    + limits.sourceMinutesPerDay() + " minutes of video per day (UTC), over all your channels; "
                    + "declare the video's real length (durationSeconds), or try again tomorrow.";
        });
    }
}
