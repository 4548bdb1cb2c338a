package dev.clipflow.catalog;

import java.util.Collection;
import java.util.Set;

/**
 * The catalog's answer to "which of these videos may be listed now" ({@link Video#isListed()}: PUBLISHED and
 * {@link Visibility#PUBLIC}), read by the other contexts' read paths (feeds, related lists, recommendations) so
 * that an entry written before a video was made unlisted, private or removed is not shown (docs/adr/0014).
 */
@FunctionalInterface
public interface ListedVideos {

    /** The ids among {@code videoIds} that are listed now; unknown ids are not. */
    Set<String> listedAmong(Collection<String> videoIds);
}
