package dev.clipflow.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * A capped exponential backoff with jitter, in the manner of resilience4j's {@code IntervalFunction}:
 * the base delay of attempt {@code n} (1-based) is {@code initial * multiplier^(n-1)} capped at
 * {@code max}; with {@code randomization} {@code f} the delay is drawn uniformly from
 * {@code [base * (1 - f), base * (1 + f)]}, again capped at {@code max}. {@code f = 1} is "full
 * jitter" (0 to 2x base). {@code maxAttempts} counts every call, the first included.
 */
public record Backoff(Duration initial, double multiplier, Duration max, double randomization, int maxAttempts) {
    /** 50 ms doubling to at most 2 s, +-50% jitter, 10 attempts (about 8 s of waiting at worst). */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(50), 2.0, Duration.ofSeconds(2), 0.5, 10);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " is below initial " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (!(randomization >= 0.0 && randomization <= 1.0)) {
            throw new IllegalArgumentException("randomization must be within [0, 1]: " + randomization);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** Exponential backoff without jitter. */
    public static Backoff exponential(Duration initial, double multiplier, Duration max, int maxAttempts) {
        return new Backoff(initial, multiplier, max, 0.0, maxAttempts);
    }

    /** The same backoff with another jitter factor. */
    public Backoff withRandomization(double factor) {
        return new Backoff(initial, multiplier, max, factor, maxAttempts);
    }

    /** The same backoff with another attempt budget. */
    public Backoff withMaxAttempts(int attempts) {
        return new Backoff(initial, multiplier, max, randomization, attempts);
    }

    /**
     * The delay after failed attempt {@code attempt} (1-based), given a uniform random number
     * {@code random} in {@code [0, 1)}.
     */
    public Duration delay(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based: " + attempt);
        }
        double maxMs = max.toNanos() / 1e6;
        double base = Math.min(maxMs, initial.toNanos() / 1e6 * Math.pow(multiplier, attempt - 1));
        double r = Math.max(0.0, Math.min(1.0, random));
        double jittered = base * (1 - randomization) + base * 2 * randomization * r;
        return Duration.ofNanos((long) (Math.min(maxMs, jittered) * 1e6));
    }
}
