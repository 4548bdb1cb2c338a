package dev.clipflow.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TermVectorsTest {
    @Test
    void of_tagsTitleAndDescription_weightedAndNormalized() {
        Map<String, Double> terms = TermVectors.of("Crème Brûlée: the easy way", "Easy dessert, easy!",
                List.of("Baking", "French Desserts"));

        assertThat(terms).containsEntry("tag:baking", 3.0).containsEntry("tag:french-desserts", 3.0)
                .containsKeys("w:creme", "w:brulee", "w:easy", "w:dessert", "w:way")
                .doesNotContainKeys("w:the", "w:");
        assertThat(terms.get("w:easy")).isCloseTo(1 + Math.log(4.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(terms.get("w:dessert")).isEqualTo(1.0);
    }

    @Test
    void of_manyWords_keepsTheHeaviestFortyTerms() {
        String description = String.join(" ", IntStream.range(0, 100).mapToObj(i -> "word" + i).toList());

        Map<String, Double> terms = TermVectors.of("headline", description, List.of("tag"));

        assertThat(terms).hasSize(TermVectors.MAX_TERMS).containsKeys("tag:tag", "w:headline");
    }
}
