package dev.clipflow.discovery;

import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog's video port, read-only in memory (test double): discovery never writes it. */
final class InMemoryVideos implements VideoRepository {
    final Map<String, Video> videos = new HashMap<>();

    void put(String videoId, VideoStatus status) {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        videos.put(videoId, new Video(videoId, "chan-1", "owner-1", "t", "", List.of(), 1, "video/mp4", "k", null,
                status, null, null, null, null, null, t, t));
    }

    @Override
    public Optional<Video> find(String videoId) {
        return Optional.ofNullable(videos.get(videoId));
    }

    @Override
    public void create(Video video) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public Video transition(String videoId, VideoStatus from, VideoStatus to) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public java.util.Optional<ChunksDone> recordChunkDone(String videoId, int chunkIndex) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public java.util.Optional<Video> recordProgress(String videoId, Video.Progress progress) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public void recordMedia(String videoId, MediaInfo media) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public void recordUsage(String videoId, StageUsage usage) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public Video publish(String videoId, List<Rendition> renditions, Video.PublishedAssets assets) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public Video fail(String videoId, String reason) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public Video failUpload(String videoId, String reason) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public void clearUploadId(String videoId) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public Page<Video> listByChannel(String channelId, String cursor, int limit) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public java.util.Optional<Video.BranchFailure> transcodeFailure(String videoId) {
        return java.util.Optional.empty();
    }
}
