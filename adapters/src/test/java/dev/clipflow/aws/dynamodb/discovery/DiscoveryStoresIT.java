package dev.clipflow.aws.dynamodb.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.discovery.IndexedVideo;
import dev.clipflow.discovery.RelatedBlend;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedList;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.RelatedUpdate;
import dev.clipflow.discovery.RelatedVideos;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.discovery.VideoFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The discovery adapters against Dynoxide. */
class DiscoveryStoresIT {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private final DiscoveryTable discovery = new DiscoveryTable();
    private final DynamoTermIndex index = discovery.index;
    private final DynamoRelatedStore related = discovery.related;
    private final DynamoCoViewStore coViews = discovery.coViews;

    @Test
    void add_twice_countsDocumentFrequenciesOnce() {
        IndexedVideo video = new IndexedVideo("vid-a", "chan", T0, Map.of("tag:cats", 3.0, "w:funny", 1.0), 2.5);

        assertThat(index.add(video)).isTrue();
        assertThat(index.add(video)).isFalse();
        index.add(new IndexedVideo("vid-b", "chan", T0.plusSeconds(1), Map.of("tag:cats", 3.0), 1.0));

        assertThat(index.documentCount()).isEqualTo(2);
        assertThat(index.documentFrequencies(List.of("tag:cats", "w:funny", "w:none")))
                .containsEntry("tag:cats", 2L).containsEntry("w:funny", 1L).containsEntry("w:none", 0L);
        assertThat(index.postings("tag:cats", 10)).extracting(p -> p.videoId()).containsExactly("vid-b", "vid-a");
        assertThat(index.postings("tag:cats", 1)).hasSize(1);
        assertThat(index.postings("tag:cats", 10).getLast().norm()).isEqualTo(2.5);
    }

    @Test
    void save_optimisticVersions_refuseStaleWriters() {
        RelatedList list = new RelatedList("vid-x", List.of(new ScoredVideo("vid-y", 0.4)), 0);

        assertThat(related.save(list, 0)).isTrue();
        assertThat(related.save(list, 0)).isFalse();
        assertThat(related.save(list, 1)).isTrue();
        assertThat(related.save(list, 1)).isFalse();
        assertThat(related.find("vid-x")).get().satisfies(l -> {
            assertThat(l.version()).isEqualTo(2);
            assertThat(l.items()).containsExactly(new ScoredVideo("vid-y", 0.4));
        });
        assertThat(related.find("vid-none")).isEmpty();
    }

    @Test
    void recordWatch_repeated_countsPairsOnceAndRanksByCount() {
        assertThat(coViews.recordWatch("alice", "vid-1", T0, List.of())).isTrue();
        assertThat(coViews.recordWatch("alice", "vid-2", T0.plusSeconds(1), List.of("vid-1"))).isTrue();
        assertThat(coViews.recordWatch("alice", "vid-2", T0.plusSeconds(2), List.of("vid-1"))).isFalse();
        coViews.recordWatch("bob", "vid-1", T0, List.of());
        coViews.recordWatch("bob", "vid-3", T0.plusSeconds(1), List.of("vid-1"));
        coViews.recordWatch("carol", "vid-3", T0, List.of());
        coViews.recordWatch("carol", "vid-1", T0.plusSeconds(1), List.of("vid-3"));

        assertThat(coViews.coViews("vid-1", 10))
                .containsExactly(new ScoredVideo("vid-3", 2), new ScoredVideo("vid-2", 1));
        assertThat(coViews.coViews("vid-2", 10)).containsExactly(new ScoredVideo("vid-1", 1));
        assertThat(coViews.recentWatches("alice", 10)).containsExactly("vid-2", "vid-1");
        assertThat(coViews.watched("alice", List.of("vid-1", "vid-3"))).containsExactly("vid-1");
    }

    @Test
    void relatedIndexer_onDynamo_similarTagsFirst_idempotent_andCoViewsShiftReads() {
        RelatedIndexer indexer = new RelatedIndexer(index, related, new RelatedPolicy(5, 100, 500));
        indexer.publish(facts("vid-cat1", "Funny cats compilation", "cats", "funny"));
        indexer.publish(facts("vid-dog", "Dog training basics", "dogs", "training"));
        indexer.publish(facts("vid-cook", "Pasta carbonara", "cooking", "italian"));
        indexer.publish(facts("vid-cat2", "Cats and cucumbers", "cats", "funny"));
        indexer.publish(facts("vid-dogcat", "Dog meets cats", "dogs", "pets"));

        RelatedUpdate update = indexer.publish(facts("vid-cat3", "Sleepy cats", "cats", "cute"));
        RelatedUpdate again = indexer.publish(facts("vid-cat3", "Sleepy cats", "cats", "cute"));

        List<String> ids = related.find("vid-cat3").orElseThrow().items().stream().map(ScoredVideo::videoId).toList();
        assertThat(ids).startsWith("vid-cat1", "vid-cat2").doesNotContain("vid-cook");
        assertThat(update.neighboursUpdated()).isGreaterThanOrEqualTo(2);
        assertThat(again.alreadyProcessed()).isTrue();
        assertThat(index.documentCount()).isEqualTo(6);
        assertThat(related.find("vid-cat1").orElseThrow().contains("vid-cat3")).isTrue();

        RelatedVideos reads = new RelatedVideos(related, coViews, RelatedBlend.DEFAULT, java.util.Set::copyOf);
        String last = reads.of("vid-cat3", 10).getLast().videoId();
        for (String viewer : List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8")) {
            coViews.recordWatch(viewer, "vid-cat3", T0, List.of());
            coViews.recordWatch(viewer, last, T0.plusSeconds(1), List.of("vid-cat3"));
        }
        assertThat(reads.of("vid-cat3", 10).getFirst().videoId()).isEqualTo(last);
    }

    private static int seq;

    private static VideoFacts facts(String id, String title, String... tags) {
        return new VideoFacts(id, "chan", T0.plusSeconds(seq++), title, "", List.of(tags));
    }
}
