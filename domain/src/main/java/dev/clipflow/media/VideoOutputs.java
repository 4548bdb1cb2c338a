package dev.clipflow.media;

import java.util.Objects;

/**
 * Every object a video's processing wrote to the media bucket, under {@link MediaKeys#outputPrefix(String, boolean)}
 * (renditions, poster, sprite, every chunk's work files). The one place that deletes them all: the pipeline's
 * compensation step and the sweeper both use it.
 */
public final class VideoOutputs {
    private final ObjectStore objects;
    private final String mediaBucket;

    public VideoOutputs(ObjectStore objects, String mediaBucket) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.mediaBucket = Objects.requireNonNull(mediaBucket, "mediaBucket");
    }

    /**
     * Deletes every object under {@code videos/{videoId}/} and {@code restricted/{videoId}/}; returns how many.
     * Repeating it deletes nothing more.
     */
    public int deleteAll(String videoId) {
        int deleted = 0;
        for (String prefix : MediaKeys.outputPrefixes(videoId)) {
            deleted += objects.deletePrefix(mediaBucket, prefix);
        }
        return deleted;
    }
}
