package dev.clipflow.social;

/**
 * How a publish reaches subscribers' feeds, by channel size.
 *
 * @param inlineMax          up to this many subscribers, the subscription function writes the feeds itself
 * @param celebrityThreshold from this many subscribers on, nothing is pushed: feeds pull the channel
 * @param queueBatchSize     viewer ids per queued fan-out message (between the two)
 */
public record FanoutPolicy(int inlineMax, long celebrityThreshold, int queueBatchSize) {
    /** The most viewer ids per message: 1,000 ids of up to 128 characters fit SQS's 256 KiB. */
    public static final int MAX_QUEUE_BATCH = 1000;
    public static final FanoutPolicy DEFAULT = new FanoutPolicy(500, 100_000, 500);

    public FanoutPolicy {
        if (inlineMax < 0) {
            throw new IllegalArgumentException("inlineMax cannot be negative: " + inlineMax);
        }
        if (celebrityThreshold <= inlineMax) {
            throw new IllegalArgumentException("celebrityThreshold " + celebrityThreshold
                    + " must be above inlineMax " + inlineMax);
        }
        if (queueBatchSize < 1 || queueBatchSize > MAX_QUEUE_BATCH) {
            throw new IllegalArgumentException(
                    "queueBatchSize must be 1 to " + MAX_QUEUE_BATCH + ": " + queueBatchSize);
        }
    }

    /**
     * A policy from configuration strings (FANOUT_INLINE_MAX, FANOUT_CELEBRITY_THRESHOLD,
     * FANOUT_BATCH_SIZE); a null or blank value takes the {@link #DEFAULT}'s.
     */
    public static FanoutPolicy parse(String inlineMax, String celebrityThreshold, String queueBatchSize) {
        return new FanoutPolicy(
                (int) number(inlineMax, DEFAULT.inlineMax()),
                number(celebrityThreshold, DEFAULT.celebrityThreshold()),
                (int) number(queueBatchSize, DEFAULT.queueBatchSize()));
    }

    private static long number(String value, long fallback) {
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }

    /** How a publish of a channel with this audience is delivered. */
    public FanoutMode modeFor(ChannelAudience audience) {
        if (audience.isPulled(this)) {
            return FanoutMode.CELEBRITY;
        }
        if (audience.subscribers() == 0) {
            return FanoutMode.NONE;
        }
        return audience.subscribers() <= inlineMax ? FanoutMode.INLINE : FanoutMode.QUEUED;
    }
}
