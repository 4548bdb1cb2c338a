package dev.clipflow.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoMetadataTest {

    @Test
    void constructor_validInput_isTrimmedAndTagsDeduplicated() {
        VideoMetadata m = new VideoMetadata("  My cat  ", null, List.of(" cats ", "Cats", "été"));

        assertThat(m.title()).isEqualTo("My cat");
        assertThat(m.description()).isEmpty();
        assertThat(m.tags()).containsExactly("cats", "été");
    }

    @Test
    void constructor_titleRules_nameTheField() {
        assertThatThrownBy(() -> new VideoMetadata("   ", "", List.of()))
                .isInstanceOfSatisfying(VideoMetadataInvalidException.class, e -> assertThat(e.field())
                        .isEqualTo("title"))
                .hasMessage("The title must not be empty.");
        assertThatThrownBy(() -> new VideoMetadata(null, "", List.of()))
                .isInstanceOf(VideoMetadataInvalidException.class);
        assertThatThrownBy(() -> new VideoMetadata("a\u0000b", "", List.of()))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> new VideoMetadata("x".repeat(101), "", List.of())).hasMessageContaining("100");
        assertThat(new VideoMetadata("😀".repeat(100), "", List.of()).title()).hasSize(200);
    }

    @Test
    void constructor_descriptionAndTagLimits_areEnforced() {
        assertThat(new VideoMetadata("t", "line one\nline two", null).description()).contains("\n");
        assertThatThrownBy(() -> new VideoMetadata("t", "x".repeat(5001), List.of()))
                .isInstanceOfSatisfying(VideoMetadataInvalidException.class,
                        e -> assertThat(e.field()).isEqualTo("description"));
        assertThatThrownBy(() -> new VideoMetadata("t", "", Collections.nCopies(31, "tag")))
                .hasMessage("A video can have at most 30 tags.");
        assertThatThrownBy(() -> new VideoMetadata("t", "", List.of("x".repeat(51)))).hasMessageContaining("tag");
        assertThatThrownBy(() -> new VideoMetadata("t", "", List.of(""))).hasMessage("The tag must not be empty.");
    }

    @Test
    void channelName_blankOrLong_throws() {
        assertThat(VideoMetadata.channelName(" Cats daily ")).isEqualTo("Cats daily");
        assertThatThrownBy(() -> VideoMetadata.channelName("")).isInstanceOf(VideoMetadataInvalidException.class);
        assertThatThrownBy(() -> VideoMetadata.channelName("n".repeat(101)))
                .isInstanceOf(VideoMetadataInvalidException.class);
    }
}
