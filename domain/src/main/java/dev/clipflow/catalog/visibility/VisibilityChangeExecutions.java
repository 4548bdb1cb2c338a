package dev.clipflow.catalog.visibility;

import dev.clipflow.catalog.AttemptLog;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.WorkflowRestarts;
import dev.clipflow.pipeline.ExecutionLookup;
import dev.clipflow.pipeline.ExecutionStarter;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Starts the {@code VideoVisibilityChange} workflow of a video's pending change, and restarts it when an attempt
 * ended without finishing, as the deletion does ({@link WorkflowRestarts}, docs/adr/0014). The first attempt is named
 * by the video and the change ({@link #executionName}), the n-th {@code <that>-<n>}; the attempt is recorded on the
 * pending change ({@link AttemptLog}), and the steps done are too, so a restart goes on where the last attempt
 * stopped. Its input is {@code {"schemaVersion": 1, "videoId", "channelId", "to", "requestedAt"}}: the state machine
 * chooses un-listing or re-listing by {@code to}, passes {@code requestedAt} (the change's identity) to every step,
 * and {@code schemaVersion}, {@code videoId} and {@code channelId} to the pipeline's re-listing functions as their
 * input.
 */
public final class VisibilityChangeExecutions {
    /** The version of the execution input written here. */
    public static final int SCHEMA_VERSION = 1;

    private final WorkflowRestarts<PendingVisibilityChange> runs;
    private final ExecutionLookup executions;

    /**
     * @param attempts   the attempt of a pending change, on the video's record
     * @param starter    starts executions of the visibility state machine
     * @param executions looks them up (the same state machine)
     */
    public VisibilityChangeExecutions(AttemptLog<PendingVisibilityChange> attempts, ExecutionStarter starter,
                                      ExecutionLookup executions) {
        this.runs = new WorkflowRestarts<>(attempts, starter,
                run -> executionName(run.videoId(), run.change()), VisibilityChangeExecutions::input);
        this.executions = Objects.requireNonNull(executions, "executions");
    }

    /**
     * Starts the first attempt of {@code video}'s change {@code change}, just recorded as pending; false (nothing
     * started) when it is no longer pending (the video is being deleted, say).
     */
    public boolean start(Video video, Video.VisibilityChange change) {
        return runs.start(PendingVisibilityChange.of(video, change), 1);
    }

    /**
     * The owner asked for the pending change again: its current attempt's execution running or succeeded, nothing;
     * never started (a start that failed after the change was recorded), started; ended unfinished (a step failed for
     * good, timed out, stopped), the next attempt is started, which skips the steps done. Returns the attempt
     * started, if any.
     */
    public OptionalInt resume(Video video, Video.VisibilityChange change) {
        return runs.resume(PendingVisibilityChange.of(video, change), executions);
    }

    /**
     * The first attempt's name, {@code <videoId>-visibility-<requestedAt in epoch milliseconds>}: with the attempt's
     * suffix ({@code -<n>}) at most 80 characters for ids of up to 45 (ids are UUIDs, 36). A video has one change in
     * progress at a time, so the time of the request tells its changes apart.
     */
    public static String executionName(String videoId, Video.VisibilityChange change) {
        return WorkflowRestarts.executionName(videoId + "-visibility-" + change.requestedAt().toEpochMilli(), 1);
    }

    /** Attempt {@code attempt}'s name: the first's, then {@code -<n>} for the n-th. */
    public static String executionName(String videoId, Video.VisibilityChange change, int attempt) {
        return WorkflowRestarts.executionName(executionName(videoId, change), attempt);
    }

    private static String input(PendingVisibilityChange run) {
        return "{\"schemaVersion\":" + SCHEMA_VERSION + ",\"videoId\":\"" + run.videoId() + "\",\"channelId\":\""
                + run.channelId() + "\",\"to\":\"" + run.change().to().name() + "\",\"requestedAt\":\""
                + run.change().requestedAt() + "\"}";
    }
}
