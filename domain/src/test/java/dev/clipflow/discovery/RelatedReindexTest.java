package dev.clipflow.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link RelatedIndexer#reindex}: the term-vector difference of an edited video, guarded by its revision. */
class RelatedReindexTest {
    private final InMemoryRelatedStore related = new InMemoryRelatedStore();
    private final InMemoryTermIndex index = new InMemoryTermIndex(related);
    private final RelatedIndexer indexer = new RelatedIndexer(index, related, new RelatedPolicy(3, 50, 60));
    private int clock;

    @Test
    void reindex_newTitleSharesTermsWithAnother_postingsAndDfFollowAndTheOwnListFindsIt() {
        publish("v-cats", "Funny cats compilation", "", "cats");
        publish("v-pasta", "Pasta carbonara", "", "cooking");
        assertThat(related.find("v-pasta").orElseThrow().items()).isEmpty();
        Map<String, Long> dfBefore = index.documentFrequencies(List.of("tag:cooking", "tag:cats", "w:pasta"));

        RelatedUpdate update = indexer.reindex(new VideoTextEdited("v-pasta", 1, "Funny cats eating", "",
                List.of("cats")));

        assertThat(update.alreadyProcessed()).isFalse();
        assertThat(related.find("v-pasta").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("v-cats");
        assertThat(dfBefore).containsEntry("tag:cooking", 1L).containsEntry("tag:cats", 1L);
        assertThat(index.documentFrequencies(List.of("tag:cooking", "tag:cats", "w:pasta", "w:funny", "w:eating")))
                .containsEntry("tag:cooking", 0L).containsEntry("w:pasta", 0L)
                .containsEntry("tag:cats", 2L).containsEntry("w:funny", 2L).containsEntry("w:eating", 1L);
        assertThat(index.postings("w:carbonara", 10)).isEmpty();
        assertThat(index.postings("tag:cats", 10)).extracting(Posting::videoId)
                .containsExactlyInAnyOrder("v-cats", "v-pasta");
        IndexedTerms marker = index.indexed("v-pasta").orElseThrow();
        assertThat(marker.revision()).isEqualTo(1);
        assertThat(marker.video().weights()).containsOnlyKeys("tag:cats", "w:funny", "w:cats", "w:eating");
        assertThat(index.documentCount()).isEqualTo(2);
        assertThat(index.applied).singleElement().satisfies(c -> {
            assertThat(c.removed()).containsExactlyInAnyOrder("tag:cooking", "w:pasta", "w:carbonara");
            assertThat(c.added()).containsExactlyInAnyOrder("tag:cats", "w:funny", "w:cats", "w:eating");
        });
    }

    @Test
    void reindex_keptTerms_getTheirNewWeightAndNorm() {
        publish("v-a", "Sailing boats", "", "sea");
        IndexedVideo before = index.indexed("v-a").orElseThrow().video();

        indexer.reindex(new VideoTextEdited("v-a", 1, "Sailing", "sailing sailing sailing", List.of("sea")));

        IndexedVideo after = index.indexed("v-a").orElseThrow().video();
        assertThat(after.weights().get("w:sailing")).isGreaterThan(before.weights().get("w:sailing"));
        assertThat(after.norm()).isNotEqualTo(before.norm());
        assertThat(index.postings("w:sailing", 5)).singleElement()
                .satisfies(p -> assertThat(p.norm()).isEqualTo(after.norm()));
    }

    @Test
    void reindex_repeatedOrOutOfOrder_changesNothing() {
        publish("v-cats", "Cats", "", "cats");
        publish("v-b", "Dogs", "", "dogs");
        indexer.reindex(new VideoTextEdited("v-b", 2, "Cats again", "", List.of("cats")));
        var docs = Map.copyOf(index.docs);
        var lists = Map.copyOf(related.lists);

        RelatedUpdate older = indexer.reindex(new VideoTextEdited("v-b", 1, "Dogs forever", "", List.of("dogs")));
        RelatedUpdate repeated = indexer.reindex(new VideoTextEdited("v-b", 2, "Cats again", "", List.of("cats")));

        assertThat(older.alreadyProcessed()).isTrue();
        assertThat(repeated.alreadyProcessed()).isTrue();
        assertThat(index.docs).isEqualTo(docs);
        assertThat(related.lists).isEqualTo(lists);
        assertThat(index.applied).hasSize(1);
        assertThat(index.documentFrequencies(List.of("tag:dogs", "tag:cats")))
                .containsEntry("tag:dogs", 0L).containsEntry("tag:cats", 2L);
    }

    @Test
    void reindex_everyTermReplaced_isAppliedInTwoTransactionsEachWithinTheLimit() {
        publish("v-other", "Other", words("new", 40), "x");
        publish("v-a", "Old", words("old", 40));

        indexer.reindex(new VideoTextEdited("v-a", 1, "New", words("new", 40), List.of()));

        assertThat(index.applied).hasSize(2).allSatisfy(c -> assertThat(c.items()).isLessThanOrEqualTo(100));
        assertThat(index.applied.get(0).revision()).isZero();
        assertThat(index.applied.get(0).ownList()).isNull();
        assertThat(index.applied.get(1).revision()).isEqualTo(1);
        IndexedTerms marker = index.indexed("v-a").orElseThrow();
        assertThat(marker.video().weights().keySet()).allSatisfy(t -> assertThat(t).startsWith("w:new"));
        assertThat(index.documentFrequencies(List.of("w:old1", "w:new1")))
                .containsEntry("w:old1", 0L).containsEntry("w:new1", 2L);
        assertThat(related.find("v-a").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("v-other");
    }

    @Test
    void reindex_ofAVideoNotIndexed_isTransient() {
        assertThatThrownBy(() -> indexer.reindex(new VideoTextEdited("v-x", 1, "T", "", List.of())))
                .isInstanceOf(VideoNotIndexedException.class);
    }

    @Test
    void reindex_listChangedConcurrently_retriesOnTheNewVersion() {
        publish("v-cats", "Cats", "", "cats");
        publish("v-b", "Dogs", "", "dogs");
        TermIndex racing = new TermIndex() {
            private boolean raced;

            @Override
            public boolean add(IndexedVideo video) {
                return index.add(video);
            }

            @Override
            public boolean remove(String videoId) {
                return index.remove(videoId);
            }

            @Override
            public List<Posting> postings(String term, int limit) {
                return index.postings(term, limit);
            }

            @Override
            public Map<String, Long> documentFrequencies(java.util.Collection<String> terms) {
                return index.documentFrequencies(terms);
            }

            @Override
            public long documentCount() {
                return index.documentCount();
            }

            @Override
            public java.util.Optional<IndexedTerms> indexed(String videoId) {
                return index.indexed(videoId);
            }

            @Override
            public boolean apply(TermsChange change) {
                if (!raced) {
                    raced = true;
                    RelatedList now = related.find("v-b").orElseThrow();
                    related.save(new RelatedList("v-b", List.of(new ScoredVideo("v-zz", 0.1)), now.version()),
                            now.version());
                }
                return index.apply(change);
            }
        };

        new RelatedIndexer(racing, related, new RelatedPolicy(3, 50, 60))
                .reindex(new VideoTextEdited("v-b", 1, "Cats", "", List.of("cats")));

        assertThat(index.indexed("v-b").orElseThrow().revision()).isEqualTo(1);
        assertThat(related.find("v-b").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("v-cats");
    }

    private static String words(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }

    private void publish(String id, String title, String description, String... tags) {
        indexer.publish(new VideoFacts(id, "chan-" + id, Instant.EPOCH.plusSeconds(++clock), title, description,
                List.of(tags)));
    }

}
