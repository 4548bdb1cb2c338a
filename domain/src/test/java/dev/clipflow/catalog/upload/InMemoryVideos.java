package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link VideoRepository} in memory (test double; only what the upload service uses). */
public final class InMemoryVideos implements VideoRepository {
    final Map<String, Video> videos = new LinkedHashMap<>();

    @Override
    public void create(Video video) {
        if (videos.putIfAbsent(video.videoId(), video) != null) {
            throw new IllegalStateException("taken");
        }
    }

    @Override
    public Optional<Video> find(String videoId) {
        return Optional.ofNullable(videos.get(videoId));
    }

    @Override
    public Video transition(String videoId, VideoStatus from, VideoStatus to) {
        Video v = get(videoId);
        if (v.status() == to) {
            return v;
        }
        if (v.status() != from || !from.canMoveTo(to)) {
            throw new VideoTransitionException(videoId, v.status(), to);
        }
        return put(with(v, to, v.failureReason(), v.uploadId()));
    }

    @Override
    public void recordMedia(String videoId, MediaInfo media) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordUsage(String videoId, StageUsage usage) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Video publish(String videoId, List<Rendition> renditions, Video.PublishedAssets assets) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Video fail(String videoId, String reason) {
        Video v = get(videoId);
        if (v.status() == VideoStatus.FAILED) {
            return v;
        }
        if (v.status() == VideoStatus.PUBLISHED) {
            throw new VideoTransitionException(videoId, v.status(), VideoStatus.FAILED);
        }
        return put(with(v, VideoStatus.FAILED, reason, v.uploadId()));
    }

    @Override
    public Video failUpload(String videoId, String reason) {
        Video v = get(videoId);
        if (v.status() == VideoStatus.FAILED) {
            return v;
        }
        if (v.status() != VideoStatus.AWAITING_UPLOAD) {
            throw new VideoTransitionException(videoId, v.status(), VideoStatus.FAILED);
        }
        return put(with(v, VideoStatus.FAILED, reason, null));
    }

    @Override
    public void clearUploadId(String videoId) {
        Video v = get(videoId);
        put(with(v, v.status(), v.failureReason(), null));
    }

    @Override
    public Page<Video> listByChannel(String channelId, String cursor, int limit) {
        List<Video> all = videos.values().stream().filter(v -> v.channelId().equals(channelId))
                .sorted(Comparator.comparing(Video::createdAt).reversed()).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public Video get(String videoId) {
        return find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
    }

    /** Stores {@code v} over the video of its id (a test double's write, such as an edit's). */
    public Video replace(Video v) {
        get(v.videoId());
        return put(v);
    }

    /** Stores {@code v} with {@code status} (for other contexts' test doubles, e.g. the deletion records). */
    public Video replace(Video v, VideoStatus status) {
        return put(with(v, status, v.failureReason(), v.uploadId()));
    }

    private Video put(Video v) {
        videos.put(v.videoId(), v);
        return v;
    }

    private static Video with(Video v, VideoStatus status, String reason, String uploadId) {
        return new Video(v.videoId(), v.channelId(), v.ownerId(), v.title(), v.description(), v.tags(),
                v.declaredBytes(), v.contentType(), v.uploadKey(), uploadId, status, reason, v.media(),
                v.renditions(), v.assets(), v.usage(), v.createdAt(), v.updatedAt()).withVisibility(v.visibility())
                .withVisibilityChange(v.visibilityChange());
    }

    private final Map<String, java.util.Set<Integer>> chunksDone = new java.util.HashMap<>();

    @Override
    public java.util.Optional<ChunksDone> recordChunkDone(String videoId, int chunkIndex) {
        Video v = get(videoId);
        java.util.Set<Integer> done = chunksDone.computeIfAbsent(videoId, k -> new java.util.HashSet<>());
        if (v.status() != VideoStatus.PROCESSING || !done.add(chunkIndex)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ChunksDone(v, done.size()));
    }

    @Override
    public java.util.Optional<Video> recordProgress(String videoId, Video.Progress progress) {
        Video v = get(videoId);
        boolean backwards = v.progress() != null && v.progress().percent() > progress.percent();
        if (v.status() != VideoStatus.PROCESSING || backwards) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(put(new Video(v.videoId(), v.channelId(), v.ownerId(), v.title(), v.description(),
                v.tags(), v.declaredBytes(), v.contentType(), v.uploadKey(), v.uploadId(), v.status(),
                v.failureReason(), v.media(), v.renditions(), v.assets(), v.usage(), v.createdAt(), v.updatedAt(),
                v.branchFailures(), v.reservedSeconds(), progress, v.visibility())));
    }

    @Override
    public java.util.Optional<Video.BranchFailure> transcodeFailure(String videoId) {
        return java.util.Optional.empty();
    }
}
