package dev.clipflow.catalog;

import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A video in the catalog: what the creator declared, where its upload is, its status, and once
 * transcoded its media facts, renditions, published assets and the resources each stage consumed.
 *
 * @param uploadKey    the object key in the uploads bucket ({@link dev.clipflow.media.MediaKeys})
 * @param uploadId     the S3 multipart upload id, null once completed or aborted
 * @param failureReason a sentence a person can read, set only when {@link VideoStatus#FAILED}
 * @param media        null until probed
 * @param renditions   empty until published
 * @param assets       null until published
 * @param usage        resources consumed per stage, keyed by stage name
 * @param branchFailures the after-publish branches that failed for good, keyed by branch
 *                     ({@code fanout}, {@code recommendation}); written by the state machine on a
 *                     PUBLISHED video, which stays PUBLISHED
 * @param reservedSeconds the source length counted against the owner's daily minutes when the upload started
 *                     (declared by the creator, else the channel's longest); the probe refuses a longer source.
 *                     Null for videos created before per-user limits existed
 * @param progress     the pipeline stage a PROCESSING video is in and how far along it is; null before the first
 *                     stage starts and for videos in any other status (docs/events.md)
 * @param visibility   who may find and play it ({@link Visibility}); null means {@link Visibility#DEFAULT}
 * @param visibilityChange the change of a PUBLISHED video's visibility the owner asked for and the
 *                     {@code VideoVisibilityChange} workflow is carrying out; null when none is (docs/adr/0014)
 */
public record Video(
        String videoId,
        String channelId,
        String ownerId,
        String title,
        String description,
        List<String> tags,
        long declaredBytes,
        String contentType,
        String uploadKey,
        String uploadId,
        VideoStatus status,
        String failureReason,
        MediaInfo media,
        List<Rendition> renditions,
        PublishedAssets assets,
        Map<String, StageUsage> usage,
        Instant createdAt,
        Instant updatedAt,
        Map<String, BranchFailure> branchFailures,
        Double reservedSeconds,
        Progress progress,
        Visibility visibility,
        VisibilityChange visibilityChange) {

    public Video {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
        usage = usage == null ? Map.of() : Map.copyOf(usage);
        branchFailures = branchFailures == null ? Map.of() : Map.copyOf(branchFailures);
        visibility = visibility == null ? Visibility.DEFAULT : visibility;
    }

    /** A video without a visibility change in progress. */
    public Video(String videoId, String channelId, String ownerId, String title, String description,
                 List<String> tags, long declaredBytes, String contentType, String uploadKey, String uploadId,
                 VideoStatus status, String failureReason, MediaInfo media, List<Rendition> renditions,
                 PublishedAssets assets, Map<String, StageUsage> usage, Instant createdAt, Instant updatedAt,
                 Map<String, BranchFailure> branchFailures, Double reservedSeconds, Progress progress,
                 Visibility visibility) {
        this(videoId, channelId, ownerId, title, description, tags, declaredBytes, contentType, uploadKey, uploadId,
                status, failureReason, media, renditions, assets, usage, createdAt, updatedAt, branchFailures,
                reservedSeconds, progress, visibility, null);
    }

    /** A video with the default visibility ({@link Visibility#PUBLIC}). */
    public Video(String videoId, String channelId, String ownerId, String title, String description,
                 List<String> tags, long declaredBytes, String contentType, String uploadKey, String uploadId,
                 VideoStatus status, String failureReason, MediaInfo media, List<Rendition> renditions,
                 PublishedAssets assets, Map<String, StageUsage> usage, Instant createdAt, Instant updatedAt,
                 Map<String, BranchFailure> branchFailures, Double reservedSeconds, Progress progress) {
        this(videoId, channelId, ownerId, title, description, tags, declaredBytes, contentType, uploadKey, uploadId,
                status, failureReason, media, renditions, assets, usage, createdAt, updatedAt, branchFailures,
                reservedSeconds, progress, null);
    }

    /** This video with another visibility (everything else unchanged). */
    public Video withVisibility(Visibility to) {
        return new Video(videoId, channelId, ownerId, title, description, tags, declaredBytes, contentType, uploadKey,
                uploadId, status, failureReason, media, renditions, assets, usage, createdAt, updatedAt,
                branchFailures, reservedSeconds, progress, to, visibilityChange);
    }

    /** This video with another visibility change in progress, or none (null); everything else unchanged. */
    public Video withVisibilityChange(VisibilityChange change) {
        return new Video(videoId, channelId, ownerId, title, description, tags, declaredBytes, contentType, uploadKey,
                uploadId, status, failureReason, media, renditions, assets, usage, createdAt, updatedAt,
                branchFailures, reservedSeconds, progress, visibility, change);
    }

    /**
     * Whether {@code viewerId} may see this video at all ({@code GET /videos/{id}}, its playback, its related
     * list): the owner always; anyone else only a PUBLISHED video that is not {@link Visibility#PRIVATE}.
     */
    public boolean isVisibleTo(String viewerId) {
        return ownerId.equals(viewerId) || (status == VideoStatus.PUBLISHED && visibility != Visibility.PRIVATE);
    }

    /** Whether it belongs in listings, feeds, related lists and recommendations now: PUBLISHED and PUBLIC. */
    public boolean isListed() {
        return status == VideoStatus.PUBLISHED && visibility.isListed();
    }

    /** A video without a pipeline stage (not PROCESSING, or no stage started yet). */
    public Video(String videoId, String channelId, String ownerId, String title, String description,
                 List<String> tags, long declaredBytes, String contentType, String uploadKey, String uploadId,
                 VideoStatus status, String failureReason, MediaInfo media, List<Rendition> renditions,
                 PublishedAssets assets, Map<String, StageUsage> usage, Instant createdAt, Instant updatedAt,
                 Map<String, BranchFailure> branchFailures, Double reservedSeconds) {
        this(videoId, channelId, ownerId, title, description, tags, declaredBytes, contentType, uploadKey, uploadId,
                status, failureReason, media, renditions, assets, usage, createdAt, updatedAt, branchFailures,
                reservedSeconds, null);
    }

    /** A video without a reservation of source seconds. */
    public Video(String videoId, String channelId, String ownerId, String title, String description,
                 List<String> tags, long declaredBytes, String contentType, String uploadKey, String uploadId,
                 VideoStatus status, String failureReason, MediaInfo media, List<Rendition> renditions,
                 PublishedAssets assets, Map<String, StageUsage> usage, Instant createdAt, Instant updatedAt,
                 Map<String, BranchFailure> branchFailures) {
        this(videoId, channelId, ownerId, title, description, tags, declaredBytes, contentType, uploadKey, uploadId,
                status, failureReason, media, renditions, assets, usage, createdAt, updatedAt, branchFailures, null);
    }

    /** A video without branch failures (every video until an after-publish branch fails). */
    public Video(String videoId, String channelId, String ownerId, String title, String description,
                 List<String> tags, long declaredBytes, String contentType, String uploadKey, String uploadId,
                 VideoStatus status, String failureReason, MediaInfo media, List<Rendition> renditions,
                 PublishedAssets assets, Map<String, StageUsage> usage, Instant createdAt, Instant updatedAt) {
        this(videoId, channelId, ownerId, title, description, tags, declaredBytes, contentType, uploadKey, uploadId,
                status, failureReason, media, renditions, assets, usage, createdAt, updatedAt, Map.of());
    }

    /**
     * A failure the state machine recorded on the video: an after-publish branch's that failed for good, or a
     * chunk's of a chunked transcode; its error name, cause, execution and time.
     */
    public record BranchFailure(String error, String cause, String executionId, String at) {
    }

    /** Where a published video's assets are, as keys in the media bucket. */
    public record PublishedAssets(String masterPlaylistKey, String posterKey, String spriteKey, String spriteIndexKey) {
    }

    /**
     * Where a PROCESSING video's pipeline is: the stage's name ({@code probe}, {@code transcode}, {@code stitch})
     * and the whole pipeline's progress in percent, 0 to 100.
     */
    public record Progress(String stage, int percent) {
        public Progress {
            Objects.requireNonNull(stage, "stage");
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("progress must be 0-100: " + percent);
            }
        }
    }

    /**
     * A change of a PUBLISHED video's visibility in progress: asked for by the owner at {@code requestedAt} (its
     * identity: the workflow's execution is named by it), from {@code from} to {@code to}. The record keeps it until
     * the workflow's last step, so no second change starts while the media of this one moves.
     */
    public record VisibilityChange(Visibility from, Visibility to, Instant requestedAt) {
        public VisibilityChange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(requestedAt, "requestedAt");
        }

        /** Whether the media moves: between {@code videos/} and {@code restricted/} (PUBLIC to or from the others). */
        public boolean movesMedia() {
            return from.isRestricted() != to.isRestricted();
        }
    }
}
