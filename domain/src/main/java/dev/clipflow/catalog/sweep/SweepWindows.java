package dev.clipflow.catalog.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a video may stay in a status before the sweeper fails it, counted from its last change.
 *
 * @param awaitingUpload the upload window: how long a multipart upload may stay open plus how long ingest may
 *                       still be retrying the completed upload's event
 * @param processing     the pipeline's execution timeout plus how late ingest may start the execution
 */
public record SweepWindows(Duration awaitingUpload, Duration processing) {
    public SweepWindows {
        requirePositive(awaitingUpload, "awaitingUpload");
        requirePositive(processing, "processing");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
