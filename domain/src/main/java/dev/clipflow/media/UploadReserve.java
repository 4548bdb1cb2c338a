package dev.clipflow.media;

import java.time.Duration;
import java.util.Objects;

/**
 * The time an encoding function keeps back from the encoder for uploading what it wrote and answering: a fifth
 * of the time it has, at least {@link #MIN} and at most {@code max}. The encoder is stopped when its share runs
 * out, and the upload has its own deadline ({@link #uploadBudget}), so the function fails with a named timeout
 * instead of being killed mid-upload by Lambda.
 *
 * @param max the most kept back: what the function's largest output takes to upload
 */
public record UploadReserve(Duration max) {
    public static final Duration MIN = Duration.ofSeconds(10);
    /** Kept back from the upload for answering: serialising the result and returning it to Lambda. */
    public static final Duration ANSWER = Duration.ofSeconds(3);

    public UploadReserve {
        Objects.requireNonNull(max, "max");
        if (max.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("The reserve must allow at least " + MIN);
        }
    }

    /** What the encoder may use of {@code timeLeft}, {@code spent} of it being gone already (a download). */
    public Duration encoderBudget(Duration timeLeft, Duration spent) {
        Duration reserve = timeLeft.dividedBy(5);
        reserve = reserve.compareTo(MIN) < 0 ? MIN : reserve.compareTo(max) > 0 ? max : reserve;
        return timeLeft.minus(spent).minus(reserve);
    }

    /**
     * The upload's own deadline: what is left of {@code timeLeft} after {@code spent} (download and encode), less
     * {@link #ANSWER}; at least one second. The encoder is stopped at its budget, so this is normally the reserve;
     * it is checked on its own so that a slow store fails the function by name instead of Lambda's timeout.
     */
    public Duration uploadBudget(Duration timeLeft, Duration spent) {
        Duration left = timeLeft.minus(spent).minus(ANSWER);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }
}
