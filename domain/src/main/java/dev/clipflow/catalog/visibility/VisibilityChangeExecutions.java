package dev.clipflow.catalog.visibility;

import dev.clipflow.catalog.Video;
import dev.clipflow.pipeline.ExecutionStarter;
import java.util.Objects;

/**
 * Starts the {@code VideoVisibilityChange} workflow of a video's pending change. The execution is named by the video
 * and the change ({@link #executionName}), so starting it again (a repeated {@code PATCH}, or one whose first start
 * failed after the change was recorded) starts nothing new. Its input is {@code {"schemaVersion": 1, "videoId",
 * "channelId", "to", "requestedAt"}}: the state machine chooses un-listing or re-listing by {@code to}, passes
 * {@code requestedAt} (the change's identity) to every step, and {@code schemaVersion}, {@code videoId} and
 * {@code channelId} to the pipeline's re-listing functions as their input.
 */
public final class VisibilityChangeExecutions {
    /** The version of the execution input written here. */
    public static final int SCHEMA_VERSION = 1;
    /** Step Functions' longest execution name. */
    static final int MAX_NAME = 80;

    private final ExecutionStarter starter;

    public VisibilityChangeExecutions(ExecutionStarter starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /** Starts (or starts again, which starts nothing) the workflow of {@code video}'s pending change {@code change}. */
    public void start(Video video, Video.VisibilityChange change) {
        starter.start(executionName(video.videoId(), change), "{\"schemaVersion\":" + SCHEMA_VERSION
                + ",\"videoId\":\"" + video.videoId() + "\",\"channelId\":\"" + video.channelId() + "\",\"to\":\""
                + change.to().name() + "\",\"requestedAt\":\"" + change.requestedAt() + "\"}");
    }

    /**
     * {@code <videoId>-visibility-<requestedAt in epoch milliseconds>}: at most 80 characters for ids of up to 48
     * (ids are UUIDs, 36). A video has one change in progress at a time, so the time of the request tells its
     * changes apart.
     */
    public static String executionName(String videoId, Video.VisibilityChange change) {
        String name = videoId + "-visibility-" + change.requestedAt().toEpochMilli();
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("Execution name over " + MAX_NAME + " characters: " + name);
        }
        return name;
    }
}
