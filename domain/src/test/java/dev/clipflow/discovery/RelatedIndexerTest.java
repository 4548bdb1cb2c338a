package dev.clipflow.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelatedIndexerTest {
    private final InMemoryTermIndex index = new InMemoryTermIndex();
    private final InMemoryRelatedStore related = new InMemoryRelatedStore();
    private final RelatedIndexer indexer = new RelatedIndexer(index, related, new RelatedPolicy(3, 50, 60));
    private int clock;

    @Test
    void publish_smallCatalog_similarTagsRankFirst() {
        publish("v-cat1", "Funny cats compilation", "cats doing funny things", "cats", "funny");
        publish("v-dog", "Dog training basics", "teach your dog to sit", "dogs", "training");
        publish("v-cook", "Pasta carbonara recipe", "classic italian pasta", "cooking", "italian");
        publish("v-cat2", "Cats versus cucumbers", "funny cats jump", "cats", "funny");
        publish("v-dogcat", "Dog meets cat", "a dog and a cat", "dogs", "pets");

        RelatedUpdate update = publish("v-cat3", "Cute cats sleeping", "sleepy cats", "cats", "cute");

        List<ScoredVideo> list = related.find("v-cat3").orElseThrow().items();
        assertThat(list).extracting(ScoredVideo::videoId).startsWith("v-cat1", "v-cat2")
                .doesNotContain("v-cook", "v-cat3");
        assertThat(list.getFirst().score()).isBetween(0.0, 1.0);
        assertThat(update.related()).isEqualTo(list.size());
        assertThat(related.find("v-cat1").orElseThrow().items()).extracting(ScoredVideo::videoId).contains("v-cat3");
        assertThat(related.find("v-cook").orElseThrow().items()).isEmpty();
    }

    @Test
    void publish_sameVideoTwice_changesNothingTheSecondTime() {
        publish("v-a", "Cats one", "", "cats");
        publish("v-b", "Cats two", "", "cats");
        var before = Map.copyOf(related.lists);

        RelatedUpdate again = indexer.publish(facts("v-b", "Cats two", "", "cats"));

        assertThat(again.alreadyProcessed()).isTrue();
        assertThat(related.lists).isEqualTo(before);
        assertThat(index.documentCount()).isEqualTo(2);
    }

    @Test
    void publish_crashAfterIndexBeforeList_reRunCompletesTheList() {
        publish("v-a", "Cats one", "", "cats");
        index.add(new IndexedVideo("v-b", "chan", Instant.EPOCH.plusSeconds(99), java.util.Map.of("tag:cats", 3.0), 3));

        RelatedUpdate update = indexer.publish(facts("v-b", "Cats two", "", "cats"));

        assertThat(update.alreadyProcessed()).isFalse();
        assertThat(related.find("v-b").orElseThrow().items()).extracting(ScoredVideo::videoId).containsExactly("v-a");
    }

    @Test
    void publish_neighbourListFull_newVideoReplacesWeakestOnlyWhenBetter() {
        publish("v-n", "Cats dogs birds", "", "cats", "dogs", "birds");
        publish("v-1", "x1", "", "birds");
        publish("v-2", "x2", "", "dogs");
        publish("v-3", "x3", "", "cats");
        assertThat(related.find("v-n").orElseThrow().items()).hasSize(3);

        publish("v-best", "Cats dogs birds", "", "cats", "dogs", "birds");
        publish("v-weak", "unrelated words", "", "birds", "fish", "whales", "seals");

        List<String> ids = related.find("v-n").orElseThrow().items().stream().map(ScoredVideo::videoId).toList();
        assertThat(ids).hasSize(3).first().isEqualTo("v-best");
        assertThat(ids).doesNotContain("v-weak");
    }

    @Test
    void publish_largeCatalog_readsBoundedPostingsAndCandidates() {
        for (int i = 0; i < 300; i++) {
            publish(String.format("v-%03d", i), "common title " + i, "", "common", "tag" + (i % 7));
        }
        int readsBefore = index.postingReads;

        RelatedUpdate update = publish("v-new", "common title", "", "common", "tag3");

        assertThat(update.candidates()).isLessThanOrEqualTo(60);
        assertThat(index.postingReads - readsBefore).isEqualTo(update.terms());
        assertThat(update.related()).isEqualTo(3);
    }

    private RelatedUpdate publish(String id, String title, String description, String... tags) {
        return indexer.publish(facts(id, title, description, tags));
    }

    private VideoFacts facts(String id, String title, String description, String... tags) {
        return new VideoFacts(id, "chan", Instant.EPOCH.plusSeconds(clock++), title, description, List.of(tags));
    }
}
