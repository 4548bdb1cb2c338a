package dev.clipflow.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The port's default status-filtered listing, over an adapter that does not filter itself. */
class VideoRepositoryFilterTest {
    private final InMemoryVideos videos = new InMemoryVideos();

    @Test
    void listByChannel_withStatuses_pagesThroughOnlyMatchingVideos() {
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        for (int i = 0; i < 7; i++) {
            videos.create(new Video("v-" + i, "ch-1", "u", "t", "", List.of(), 1, "video/mp4", "k", "up",
                    i % 3 == 0 ? VideoStatus.FAILED : VideoStatus.AWAITING_UPLOAD, null, null, List.of(), null,
                    Map.of(), t0.plusSeconds(i), t0.plusSeconds(i)));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Video> page = videos.listByChannel("ch-1", EnumSet.of(VideoStatus.FAILED), cursor, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(v -> seen.add(v.videoId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly("v-6", "v-3", "v-0");
    }

    @Test
    void listListedByChannel_keepsOnlyPublishedPublicVideos_andListedAmongAgrees() {
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        Visibility[] visibilities = Visibility.values();
        for (int i = 0; i < 9; i++) {
            videos.create(new Video("v-" + i, "ch-1", "u", "t", "", List.of(), 1, "video/mp4", "k", null,
                    i < 6 ? VideoStatus.PUBLISHED : VideoStatus.PROCESSING, null, null, List.of(), null,
                    Map.of(), t0.plusSeconds(i), t0.plusSeconds(i), Map.of(), null, null, visibilities[i % 3]));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Video> page = videos.listListedByChannel("ch-1", cursor, 2);
            page.items().forEach(v -> seen.add(v.videoId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly("v-3", "v-0");
        assertThat(videos.listedAmong(List.of("v-0", "v-1", "v-2", "v-3", "v-6", "unknown")))
                .containsExactlyInAnyOrder("v-0", "v-3");
    }
}
