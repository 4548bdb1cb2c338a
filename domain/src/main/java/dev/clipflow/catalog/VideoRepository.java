package dev.clipflow.catalog;

import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's store of videos (port). Every write that the pipeline can repeat is idempotent:
 * repeating it with the same arguments leaves the same record and does not throw.
 */
public interface VideoRepository extends ListedVideos {

    /** Stores a new video; throws {@link IllegalStateException} if the id is taken. */
    void create(Video video);

    Optional<Video> find(String videoId);

    default Video get(String videoId) {
        return find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
    }

    /**
     * Moves a video from {@code from} to {@code to} if, and only if, it is in {@code from} now.
     * Returns the updated video; if the video is already in {@code to}, returns it unchanged
     * (a repeated call). Throws {@link VideoTransitionException} otherwise, and
     * {@link VideoNotFoundException} for an unknown id.
     */
    Video transition(String videoId, VideoStatus from, VideoStatus to);

    /**
     * Records where a PROCESSING video's pipeline is, in one conditional write: only while the video is PROCESSING
     * and only forward (a repeated or late stage never lowers the progress). Returns the updated video, or empty
     * when nothing changed (the video is in another status, or already further along).
     */
    Optional<Video> recordProgress(String videoId, Video.Progress progress);

    /**
     * Records that chunk {@code chunkIndex} of a PROCESSING video's chunked transcode is done, in one conditional
     * write that adds the index to the video's set of finished chunks: only while the video is PROCESSING and only
     * if the index is not in the set yet. Returns the video and the number of finished chunks after the write, or
     * empty when nothing changed (a retried or duplicated chunk, or a video in another status).
     */
    Optional<ChunksDone> recordChunkDone(String videoId, int chunkIndex);

    /** A PROCESSING video and how many of its chunks are done, as {@link #recordChunkDone} left them. */
    record ChunksDone(Video video, int done) {
    }

    /** Records the probed media facts (overwrites: the same probe gives the same facts). */
    void recordMedia(String videoId, MediaInfo media);

    /** Records one stage's usage, replacing an earlier record of the same stage. */
    void recordUsage(String videoId, StageUsage usage);

    /** PROCESSING -> PUBLISHED with the renditions and assets; a repeated call is a no-op. */
    Video publish(String videoId, List<Rendition> renditions, Video.PublishedAssets assets);

    /**
     * Any non-terminal status -> FAILED with a readable reason; on an already FAILED video a
     * no-op; on a PUBLISHED video throws {@link VideoTransitionException} (a published video is
     * never unpublished by a failure).
     */
    Video fail(String videoId, String reason);

    /**
     * AWAITING_UPLOAD -> FAILED with a readable reason, clearing the upload id, in one conditional write: only a
     * video still awaiting its upload moves (a creator's abort must not fail a video whose upload completed and
     * that ingest moved to PROCESSING meanwhile). On a video already FAILED a no-op that returns it; any other
     * status throws {@link VideoTransitionException}.
     */
    Video failUpload(String videoId, String reason);

    /**
     * The failure of a chunked transcode's chunk, as the state machine recorded it on the video ({@code
     * transcodeFailure}, the first failing chunk's Step Functions error and cause) so that the compensation step
     * can tell the creator why; empty when none was recorded.
     */
    Optional<Video.BranchFailure> transcodeFailure(String videoId);

    /** Clears the multipart upload id once the upload is completed or aborted. */
    void clearUploadId(String videoId);

    /**
     * A channel's videos, newest first, at most {@code limit} (1 or more) per page. {@code cursor} is
     * null for the first page, else a {@link Page#nextCursor()} of an earlier page of the same
     * listing; throws {@link PageCursorInvalidException} for any other cursor.
     */
    Page<Video> listByChannel(String channelId, String cursor, int limit);

    /**
     * Like {@link #listByChannel(String, String, int)} but only videos in one of {@code statuses}
     * (for example only PUBLISHED ones for someone who does not own the channel). A page may hold
     * fewer than {@code limit} videos even when more follow; only a null cursor means the end.
     * This default pages through the unfiltered listing; adapters may filter in the store.
     */
    default Page<Video> listByChannel(String channelId, Set<VideoStatus> statuses, String cursor, int limit) {
        return filtered(channelId, v -> statuses.contains(v.status()), cursor, limit);
    }

    /**
     * Like {@link #listByChannel(String, Set, String, int)} but only the channel's listed videos
     * ({@link Video#isListed()}: PUBLISHED and {@link Visibility#PUBLIC}), what anyone but the owner sees. This
     * default pages through the unfiltered listing; adapters may filter in the store.
     */
    default Page<Video> listListedByChannel(String channelId, String cursor, int limit) {
        return filtered(channelId, Video::isListed, cursor, limit);
    }

    private Page<Video> filtered(String channelId, java.util.function.Predicate<Video> keep, String cursor,
                                 int limit) {
        List<Video> kept = new ArrayList<>();
        String next = cursor;
        do {
            Page<Video> page = listByChannel(channelId, next, limit - kept.size());
            for (Video v : page.items()) {
                if (keep.test(v)) {
                    kept.add(v);
                }
            }
            next = page.nextCursor();
        } while (next != null && kept.size() < limit);
        return new Page<>(kept, next);
    }

    /**
     * Which of {@code videoIds} are listed now ({@link Video#isListed()}); unknown ids are not. The read paths
     * (feeds, related lists, recommendations) keep only these, so a change of visibility is effective at once
     * even for entries written before it. This default reads them one by one; adapters may batch.
     */
    @Override
    default Set<String> listedAmong(java.util.Collection<String> videoIds) {
        Set<String> listed = new java.util.HashSet<>();
        for (String id : new java.util.LinkedHashSet<>(videoIds)) {
            find(id).filter(Video::isListed).ifPresent(v -> listed.add(id));
        }
        return listed;
    }
}
