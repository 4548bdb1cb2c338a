package dev.clipflow.catalog;

/**
 * What one user (a JWT {@code sub}) may do, whichever channels they use: a cost guardrail set per deployment
 * (template parameters {@code MaxChannelsPerUser}, {@code MaxUploadsPerUserPerDay},
 * {@code MaxSourceMinutesPerUserPerDay}). Days are UTC days. Zero allows none.
 *
 * @param channels            channels a user may own
 * @param uploadsPerDay       uploads a user may start per day, over all their channels
 * @param sourceMinutesPerDay minutes of source video a user may start uploading per day (each upload reserves its
 *                            declared length, or its channel's longest when it declares none)
 */
public record UserLimits(int channels, int uploadsPerDay, int sourceMinutesPerDay) {
    /**
     * 10 channels, 50 uploads and 1,440 minutes (24 hours) of source a day: six uploads a day that declare no length.
     */
    public static final UserLimits DEFAULT = new UserLimits(10, 50, 1440);

    public UserLimits {
        if (channels < 0 || uploadsPerDay < 0 || sourceMinutesPerDay < 0) {
            throw new IllegalArgumentException("User limits must not be negative");
        }
    }

    /** The daily source allowance in seconds. */
    public long sourceSecondsPerDay() {
        return sourceMinutesPerDay * 60L;
    }

    /**
     * Limits from configuration values (environment variables); a null or blank value means the default.
     *
     * @throws IllegalArgumentException naming the value that is not a whole number from 0
     */
    public static UserLimits parse(String channels, String uploadsPerDay, String sourceMinutesPerDay) {
        return new UserLimits(value("channels", channels, DEFAULT.channels()),
                value("uploadsPerDay", uploadsPerDay, DEFAULT.uploadsPerDay()),
                value("sourceMinutesPerDay", sourceMinutesPerDay, DEFAULT.sourceMinutesPerDay()));
    }

    private static int value(String name, String configured, int fallback) {
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(configured.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("The user limit " + name + " must be a whole number from 0, not '"
                + configured + "'");
    }
}
