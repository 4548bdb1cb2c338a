package dev.clipflow.discovery;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Records watches: the video must exist and be published (read from the catalog's port), then the
 * watch joins the viewer's history and, the first time, counts co-views with the viewer's
 * {@code window} most recent other watches.
 */
public final class WatchRecorder {
    public static final int DEFAULT_WINDOW = 20;

    private final VideoRepository videos;
    private final CoViewStore store;
    private final Clock clock;
    private final int window;

    public WatchRecorder(VideoRepository videos, CoViewStore store, Clock clock, int window) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window < 0 || window > CoViewStore.MAX_WINDOW) {
            throw new IllegalArgumentException("window must be 0 to " + CoViewStore.MAX_WINDOW + ": " + window);
        }
        this.window = window;
    }

    /**
     * Returns true for a first watch, false for a repeat. Throws {@link VideoNotFoundException} or
     * {@link VideoNotPublishedException} before writing anything.
     */
    public boolean record(String viewerId, String videoId) {
        Video video = videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
        if (video.status() != VideoStatus.PUBLISHED) {
            throw new VideoNotPublishedException(videoId);
        }
        List<String> recent = store.recentWatches(viewerId, window + 1).stream()
                .filter(id -> !id.equals(videoId))
                .limit(window)
                .toList();
        return store.recordWatch(viewerId, videoId, clock.instant(), recent);
    }
}
