package dev.clipflow.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RelatedBlendTest {
    @Test
    void score_blendsContentAndSaturatingCoViews() {
        RelatedBlend blend = RelatedBlend.DEFAULT;

        assertThat(blend.score(1.0, 0)).isCloseTo(0.6, Offset.offset(1e-12));
        assertThat(blend.score(0.0, 3)).isCloseTo(0.2, Offset.offset(1e-12));
        assertThat(blend.score(0.0, 1_000_000)).isLessThan(0.4);
        assertThat(blend.score(0.5, 3)).isCloseTo(0.5, Offset.offset(1e-12));
    }

    @Test
    void constructor_outOfRange_throws() {
        assertThatThrownBy(() -> new RelatedBlend(1.5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelatedBlend(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
