package dev.clipflow.catalog.deletion;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.pipeline.ExecutionStarter;
import java.util.Objects;

/**
 * An owner's request to delete a video: the record becomes DELETING and the {@code VideoDeletion} workflow starts,
 * named by the video id. Anyone but the owner gets {@link VideoNotFoundException} (nothing tells them it exists). A
 * repeat is harmless: a DELETING video's workflow is started again (a running or finished execution of the same name
 * and input is not started twice), a DELETED one is answered as it is.
 */
public final class DeletionRequests {
    private final VideoRepository videos;
    private final DeletionRecords records;
    private final ExecutionStarter workflow;

    public DeletionRequests(VideoRepository videos, DeletionRecords records, ExecutionStarter workflow) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.records = Objects.requireNonNull(records, "records");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
    }

    public Video request(String callerId, String videoId) {
        Video video = videos.find(videoId).filter(v -> v.ownerId().equals(callerId))
                .orElseThrow(() -> new VideoNotFoundException(videoId));
        if (video.status() == VideoStatus.DELETED) {
            return video;
        }
        Video deleting = records.markDeleting(videoId);
        workflow.start(executionName(videoId), "{\"videoId\":\"" + videoId + "\"}");
        return deleting;
    }

    /** The workflow's execution name: the video id (ids are UUIDs, valid execution names). */
    public static String executionName(String videoId) {
        return videoId;
    }
}
