package dev.clipflow.discovery;

import java.util.List;

/**
 * The newest videos of the channels a viewer follows (port; the social context answers it from
 * the viewer's feed, read only).
 */
@FunctionalInterface
public interface SubscribedVideos {
    /** At most {@code limit} video ids, newest first. */
    List<String> recent(String viewerId, int limit);
}
