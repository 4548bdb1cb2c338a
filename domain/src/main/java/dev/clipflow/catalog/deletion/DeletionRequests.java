package dev.clipflow.catalog.deletion;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.pipeline.ExecutionLookup;
import java.util.Objects;

/**
 * An owner's request to delete a video: the record becomes DELETING and the {@code VideoDeletion} workflow starts,
 * named by the video id ({@link DeletionRestarts#executionName}). Anyone but the owner gets
 * {@link VideoNotFoundException} (nothing tells them it exists). A repeat is harmless and looks at the current
 * attempt's execution: running (or finished), nothing more happens; never started (the first start failed), it is
 * started; ended without finishing (a step failed for good, the execution timed out or was stopped), the workflow is
 * restarted under the next attempt's name and goes on where it stopped. A DELETED video is answered as it is.
 */
public final class DeletionRequests {
    private final VideoRepository videos;
    private final DeletionRecords records;
    private final ExecutionLookup executions;
    private final DeletionRestarts restarts;

    /**
     * @param executions the deletion state machine's executions
     * @param restarts   starts them (on the same state machine)
     */
    public DeletionRequests(VideoRepository videos, DeletionRecords records, ExecutionLookup executions,
                            DeletionRestarts restarts) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.records = Objects.requireNonNull(records, "records");
        this.executions = Objects.requireNonNull(executions, "executions");
        this.restarts = Objects.requireNonNull(restarts, "restarts");
    }

    public Video request(String callerId, String videoId) {
        Video video = videos.find(videoId).filter(v -> v.ownerId().equals(callerId))
                .orElseThrow(() -> new VideoNotFoundException(videoId));
        if (video.status() == VideoStatus.DELETED) {
            return video;
        }
        Video deleting = records.markDeleting(videoId);
        if (deleting.status() == VideoStatus.DELETING) {
            restarts.resume(videoId, executions); // nothing when its workflow finished meanwhile
        }
        return deleting;
    }
}
