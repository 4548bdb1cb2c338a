package dev.clipflow.catalog;

import java.util.Set;

/**
 * Where a workflow on one video records the steps it has done, on the video's own record (port): the deletion's
 * steps, a visibility change's steps. {@link RecordedSteps} reads it before a step and writes it after.
 *
 * @param <S> the workflow's steps
 */
public interface StepLog<S extends Enum<S>> {

    /** The steps recorded as done on the video. */
    Set<S> done(String videoId);

    /** Records {@code step} as done (idempotent). */
    void recordDone(String videoId, S step);
}
