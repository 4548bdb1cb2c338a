package dev.clipflow.catalog.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a video may stay in a status before the sweeper acts on it, counted from its last change.
 *
 * @param awaitingUpload the upload window: how long a multipart upload may stay open plus how long ingest may
 *                       still be retrying the completed upload's event
 * @param processing     the pipeline's execution timeout plus how late ingest may start the execution
 * @param deleting       the deletion workflow's execution timeout plus how late its start may follow the record's
 *                       change: past it no execution of the video's current attempt can be running, so a video still
 *                       DELETING is restarted
 */
public record SweepWindows(Duration awaitingUpload, Duration processing, Duration deleting) {
    public SweepWindows {
        requirePositive(awaitingUpload, "awaitingUpload");
        requirePositive(processing, "processing");
        requirePositive(deleting, "deleting");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
