package dev.clipflow.catalog;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a workflow on one video runs a step (the deletion, a visibility change; docs/adr/0014): a step the video's
 * {@link StepLog} records as done is skipped; any other runs only while the video is in the status the workflow needs
 * ({@code require} throws the workflow's own named exception otherwise) and is recorded when it succeeds. A step must
 * be idempotent in itself: one that failed half-way is simply run again (the state machine's Retry), and a workflow
 * run again goes on where the last one stopped.
 *
 * @param <S> the workflow's steps
 */
public final class RecordedSteps<S extends Enum<S>> {
    private final VideoRepository videos;
    private final Consumer<Video> require;

    /**
     * @param require throws the workflow's named exception when a video is not in the status its steps run on
     */
    public RecordedSteps(VideoRepository videos, Consumer<Video> require) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.require = Objects.requireNonNull(require, "require");
    }

    /**
     * Runs {@code action} on the video as step {@code step} of the workflow whose steps {@code log} records; empty when
     * the log says it is done already (nothing runs, nothing is checked).
     *
     * @throws VideoNotFoundException for an unknown video
     */
    public <T> Optional<T> run(S step, String videoId, StepLog<S> log, Function<Video, T> action) {
        Video video = videos.get(videoId);
        if (log.done(videoId).contains(step)) {
            return Optional.empty();
        }
        require.accept(video);
        T result = action.apply(video);
        log.recordDone(videoId, step);
        return Optional.of(result);
    }
}
