package dev.clipflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.upload.VideoMetadataInvalidException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void parse_anyCase_andNullIsPublic() {
        assertThat(Visibility.parse(null)).isEqualTo(Visibility.PUBLIC);
        assertThat(Visibility.parse("unlisted")).isEqualTo(Visibility.UNLISTED);
        assertThat(Visibility.parse(" Private ")).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void parse_unknown_namesTheFieldAndTheChoices() {
        assertThatThrownBy(() -> Visibility.parse("hidden"))
                .isInstanceOf(VideoMetadataInvalidException.class)
                .hasMessage("visibility must be one of [PUBLIC, UNLISTED, PRIVATE], not 'hidden'");
        assertThatThrownBy(() -> Visibility.parse("")).isInstanceOf(VideoMetadataInvalidException.class);
    }

    @Test
    void whoSeesIt_ownerAlways_othersPublishedNonPrivate_listedOnlyPublic() {
        for (Visibility v : Visibility.values()) {
            Video published = video(VideoStatus.PUBLISHED, v);
            Video processing = video(VideoStatus.PROCESSING, v);
            assertThat(published.isVisibleTo("owner")).isTrue();
            assertThat(processing.isVisibleTo("owner")).isTrue();
            assertThat(processing.isVisibleTo("viewer")).isFalse();
            assertThat(processing.isListed()).isFalse();
            assertThat(published.isVisibleTo("viewer")).isEqualTo(v != Visibility.PRIVATE);
            assertThat(published.isListed()).isEqualTo(v == Visibility.PUBLIC);
            assertThat(v.isRestricted()).isEqualTo(v != Visibility.PUBLIC);
        }
        assertThat(video(VideoStatus.PUBLISHED, null).visibility()).isEqualTo(Visibility.PUBLIC);
    }

    private static Video video(VideoStatus status, Visibility visibility) {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        return new Video("v-1", "ch-1", "owner", "t", "", List.of(), 1, "video/mp4", "k", null, status, null, null,
                List.of(), null, Map.of(), t, t, Map.of(), null, null, visibility);
    }
}
