package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.ChannelRepository;
import dev.clipflow.catalog.QuotaExceededException;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.media.MediaKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The creator's side of an upload: create a channel, start a video's multipart upload (every check
 * before any byte is stored), hand out part URLs in batches, complete or abort it.
 */
public final class VideoUploads {
    /** Part URLs per batch: a 5 GiB file in 8 MiB parts needs 640, handed out 100 at a time. */
    public static final int URL_BATCH = 100;
    /** Reason recorded on a video whose creator aborted the upload. */
    public static final String ABORTED_REASON = "upload aborted by the creator";

    private final ChannelRepository channels;
    private final VideoRepository videos;
    private final MultipartUploads uploads;
    private final UploadQuotas quotas;
    private final UserLimits limits;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Duration urlTtl;

    public VideoUploads(ChannelRepository channels, VideoRepository videos, MultipartUploads uploads,
                        UploadQuotas quotas, UserLimits limits, Clock clock, Supplier<String> ids, Duration urlTtl) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.urlTtl = Objects.requireNonNull(urlTtl, "urlTtl");
    }

    /**
     * Creates a channel owned by {@code userId}, counted against their {@link UserLimits#channels()}.
     *
     * @throws QuotaExceededException {@code CHANNELS}, having stored nothing
     */
    public Channel createChannel(String userId, String name) {
        Channel channel = new Channel(ids.get(), userId, VideoMetadata.channelName(name), ChannelLimits.DEFAULT);
        quotas.createChannel(channel, limits);
        return channel;
    }

    /**
     * Validates, checks ownership and the channel's limits, starts the multipart upload, then stores the video
     * AWAITING_UPLOAD and counts it against the channel's and the user's daily limits in one atomic write
     * ({@link UploadQuotas#createVideo}). Nothing is stored or counted when it throws
     * {@link VideoMetadataInvalidException}, {@link ChannelNotFoundException} (also for a channel someone else
     * owns), {@link UploadRejectedException} or {@link QuotaExceededException}; the multipart upload started for
     * a refused video is aborted.
     */
    public StartedUpload start(String userId, NewVideo request) {
        VideoMetadata meta = new VideoMetadata(request.title(), request.description(), request.tags());
        Visibility visibility = Visibility.parse(request.visibility());
        Channel channel = ownedChannel(userId, request.channelId());
        String videoId = ids.get();
        MediaKeys.UploadKey key = MediaKeys.upload(channel.channelId(), videoId, request.fileName());
        String contentType = UploadRules.normaliseContentType(request.contentType());
        Instant now = clock.instant();
        UploadPlan plan = UploadRules.plan(channel.limits(), request.sizeBytes(), contentType);
        long reserved = UploadRules.reservedSeconds(channel.limits(), request.durationSeconds());
        if (reserved > limits.sourceSecondsPerDay()) {
            throw QuotaExceededException.of(QuotaExceededException.Quota.SOURCE_MINUTES_PER_DAY, limits);
        }
        String uploadId = uploads.start(key.key(), contentType);
        Video video = new Video(videoId, channel.channelId(), userId, meta.title(), meta.description(), meta.tags(),
                request.sizeBytes(), contentType, key.key(), uploadId, VideoStatus.AWAITING_UPLOAD, null, null,
                List.of(), null, Map.of(), now, now, Map.of(), (double) reserved, null, visibility);
        try {
            quotas.createVideo(video, LocalDate.ofInstant(now, ZoneOffset.UTC), channel.limits().uploadsPerDay(),
                    limits);
        } catch (RuntimeException e) {
            uploads.abort(key.key(), uploadId);
            throw e;
        }
        return new StartedUpload(video, plan, urls(video, plan, 1));
    }

    /** Fresh URLs for parts {@code from} .. {@code from + URL_BATCH - 1} of an open upload. */
    public PartUrls partUrls(String userId, String videoId, int from) {
        Video video = openUpload(userId, videoId);
        UploadPlan plan = UploadPlan.forSize(video.declaredBytes());
        if (from < 1 || from > plan.partCount()) {
            throw new UploadPartsInvalidException("Part numbers of this upload run from 1 to " + plan.partCount()
                    + ".");
        }
        return urls(video, plan, from);
    }

    /** Completes the upload from every part, in any order; ingest takes the video on from there. */
    public Video complete(String userId, String videoId, List<MultipartUploads.CompletedPart> parts) {
        Video video = openUpload(userId, videoId);
        UploadPlan plan = UploadPlan.forSize(video.declaredBytes());
        List<MultipartUploads.CompletedPart> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(MultipartUploads.CompletedPart::partNumber));
        for (int i = 0; i < sorted.size(); i++) {
            MultipartUploads.CompletedPart part = sorted.get(i);
            if (part.partNumber() != i + 1 || part.eTag() == null || part.eTag().isBlank()) {
                throw new UploadPartsInvalidException("Name every part from 1 to " + plan.partCount()
                        + " once, each with the ETag its upload returned.");
            }
        }
        if (sorted.size() != plan.partCount()) {
            throw new UploadPartsInvalidException("This upload has " + plan.partCount() + " parts; "
                    + sorted.size() + " were named.");
        }
        uploads.complete(video.uploadKey(), video.uploadId(), sorted);
        videos.clearUploadId(videoId);
        return videos.get(videoId);
    }

    /**
     * Aborts the multipart upload (freeing its parts; a no-op on one already completed or aborted), then ends the
     * video FAILED with {@link #ABORTED_REASON} in one conditional write from AWAITING_UPLOAD: a video that moved on
     * meanwhile (its upload completed and taken by ingest) is left as it is and this throws
     * {@link UploadNotOpenException}. A retry after a failure between the two steps finishes the job.
     */
    public Video abort(String userId, String videoId) {
        Video video = openUpload(userId, videoId);
        uploads.abort(video.uploadKey(), video.uploadId());
        try {
            return videos.failUpload(videoId, ABORTED_REASON);
        } catch (VideoTransitionException e) {
            throw new UploadNotOpenException(videoId);
        }
    }

    /** The channel, if {@code userId} owns it; to anyone else it does not exist (no answer confirms it does). */
    private Channel ownedChannel(String userId, String channelId) {
        return channels.find(channelId).filter(c -> c.isOwnedBy(userId))
                .orElseThrow(() -> new ChannelNotFoundException(channelId));
    }

    /** The video with an open upload, if {@code userId} owns it; to anyone else it does not exist. */
    private Video openUpload(String userId, String videoId) {
        Video video = videos.find(videoId).filter(v -> v.ownerId().equals(userId))
                .orElseThrow(() -> new VideoNotFoundException(videoId));
        if (video.status() != VideoStatus.AWAITING_UPLOAD || video.uploadId() == null) {
            throw new UploadNotOpenException(videoId);
        }
        return video;
    }

    private PartUrls urls(Video video, UploadPlan plan, int from) {
        int to = Math.min(plan.partCount(), from + URL_BATCH - 1);
        List<PartUrls.PartUrl> parts = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            long size = plan.sizeOfPart(n);
            parts.add(new PartUrls.PartUrl(n, size, uploads.presignPart(video.uploadKey(), video.uploadId(), n, size,
                    urlTtl)));
        }
        return new PartUrls(parts, to < plan.partCount() ? to + 1 : null, clock.instant().plus(urlTtl));
    }
}
