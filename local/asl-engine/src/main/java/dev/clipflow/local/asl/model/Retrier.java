package dev.clipflow.local.asl.model;

import java.util.List;

/**
 * One element of "Retry".
 *
 * @param maxDelaySeconds {@code null} when absent
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, JitterStrategy jitterStrategy) {

    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    /** The "JitterStrategy" values. */
    public enum JitterStrategy { FULL, NONE }
}
