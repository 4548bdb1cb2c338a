package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.AttemptLog;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.upload.InMemoryVideos;
import dev.clipflow.catalog.visibility.PendingVisibilityChange;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The attempts of visibility changes over an {@link InMemoryVideos} (test double): a change is in progress while it is
 * the PUBLISHED video's pending one; its attempt (absent: 1) moves only from the one it is on.
 */
final class InMemoryChangeAttempts implements AttemptLog<PendingVisibilityChange> {
    private final InMemoryVideos videos;
    private final Map<String, Integer> attempts = new HashMap<>();

    InMemoryChangeAttempts(InMemoryVideos videos) {
        this.videos = videos;
    }

    @Override
    public OptionalInt current(PendingVisibilityChange run) {
        Video v = videos.find(run.videoId()).orElse(null);
        if (v == null || v.status() != VideoStatus.PUBLISHED || !run.change().equals(v.visibilityChange())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(attempts.getOrDefault(key(run), 1));
    }

    @Override
    public boolean touch(PendingVisibilityChange run, int attempt) {
        return current(run).orElse(0) == attempt;
    }

    @Override
    public boolean advance(PendingVisibilityChange run, int from) {
        if (current(run).orElse(0) != from) {
            return false;
        }
        attempts.put(key(run), from + 1);
        return true;
    }

    private static String key(PendingVisibilityChange run) {
        return run.videoId() + "@" + run.change().requestedAt();
    }
}
