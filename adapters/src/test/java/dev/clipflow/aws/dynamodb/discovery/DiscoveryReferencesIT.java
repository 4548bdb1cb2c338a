package dev.clipflow.aws.dynamodb.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.discovery.IndexedVideo;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.discovery.VideoFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The discovery table's reverse references (docs/adr/0014) against Dynoxide, and the removals that use them. */
class DiscoveryReferencesIT {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private final DiscoveryTable discovery = new DiscoveryTable();
    private final DynamoTermIndex index = discovery.index;
    private final DynamoRelatedStore related = discovery.related;
    private final DynamoCoViewStore coViews = discovery.coViews;

    @Test
    void relatedLists_referenceEachHeldVideo_andDropTheReferenceOnEviction() {
        RelatedIndexer indexer = new RelatedIndexer(index, related, new RelatedPolicy(1, 100, 100));
        indexer.publish(facts("vid-a", 0, "cats", "funny", "cute"));
        indexer.publish(facts("vid-b", 1, "dogs"));
        indexer.publish(facts("vid-c", 2, "cats"));
        assertThat(related.find("vid-a").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("vid-c");
        assertThat(related.holdersOf("vid-c")).containsExactly("vid-a");
        assertThat(related.holdersOf("vid-a")).containsExactly("vid-c");

        // vid-d resembles vid-a more than vid-c does: it evicts vid-c from vid-a's list (topK 1).
        indexer.publish(facts("vid-d", 3, "cats", "funny", "cute"));

        assertThat(related.find("vid-a").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("vid-d");
        assertThat(related.holdersOf("vid-c")).doesNotContain("vid-a");
        assertThat(related.holdersOf("vid-d")).contains("vid-a");
        assertThat(related.holdersOf("vid-a")).contains("vid-d");
    }

    @Test
    void delete_removesTheOwnListAndTheReferencesOfItsItems() {
        RelatedIndexer indexer = new RelatedIndexer(index, related, new RelatedPolicy(5, 100, 100));
        indexer.publish(facts("vid-a", 0, "cats"));
        indexer.publish(facts("vid-b", 1, "cats"));

        related.delete("vid-b");
        related.delete("vid-b");

        assertThat(related.find("vid-b")).isEmpty();
        assertThat(related.holdersOf("vid-a")).isEmpty();
        assertThat(related.holdersOf("vid-b")).containsExactly("vid-a");
    }

    @Test
    void firstWatch_writesAHistoryReferenceWithTheEntrysExpiry_andARepeatRefreshesBoth() {
        coViews.recordWatch("alice", "vid-1", T0, List.of());
        assertThat(item("hv#vid-1", "alice").get("expiresAt")).isEqualTo(item("h#alice", "vid-1").get("expiresAt"));

        coViews.recordWatch("alice", "vid-1", T0.plusSeconds(3600), List.of());

        assertThat(item("hv#vid-1", "alice").get("expiresAt")).isEqualTo(item("h#alice", "vid-1").get("expiresAt"))
                .isEqualTo(AttributeValue.fromN(Long.toString(T0.plusSeconds(3600)
                        .plus(DynamoCoViewStore.DEFAULT_TTL).getEpochSecond())));
    }

    @Test
    void removeCoViewsAndWatches_takeTheVideoOutBothWays_andRepeatHarmlessly() {
        coViews.recordWatch("alice", "vid-1", T0, List.of());
        coViews.recordWatch("alice", "vid-2", T0.plusSeconds(1), List.of("vid-1"));
        coViews.recordWatch("bob", "vid-3", T0, List.of());
        coViews.recordWatch("bob", "vid-2", T0.plusSeconds(1), List.of("vid-3"));
        coViews.recordWatch("bob", "vid-1", T0.plusSeconds(2), List.of("vid-2", "vid-3"));

        assertThat(coViews.removeCoViews("vid-2")).isEqualTo(2);
        assertThat(coViews.removeWatches("vid-2")).isEqualTo(2);

        assertThat(keysHolding("vid-2")).isEmpty();
        assertThat(coViews.coViews("vid-1", 10)).containsExactly(new ScoredVideo("vid-3", 1));
        assertThat(coViews.recentWatches("bob", 10)).containsExactly("vid-1", "vid-3");
        assertThat(coViews.removeCoViews("vid-2")).isZero();
        assertThat(coViews.removeWatches("vid-2")).isZero();
    }

    @Test
    void remove_takesBackPostingsAndCounts_once() {
        index.add(new IndexedVideo("vid-a", "chan", T0, Map.of("tag:cats", 3.0, "w:funny", 1.0), 2.5));
        index.add(new IndexedVideo("vid-b", "chan", T0.plusSeconds(1), Map.of("tag:cats", 3.0), 1.0));

        assertThat(index.remove("vid-a")).isTrue();
        assertThat(index.remove("vid-a")).isFalse();

        assertThat(index.documentCount()).isEqualTo(1);
        assertThat(index.documentFrequencies(List.of("tag:cats", "w:funny")))
                .containsEntry("tag:cats", 1L).containsEntry("w:funny", 0L);
        assertThat(index.postings("tag:cats", 10)).extracting(p -> p.videoId()).containsExactly("vid-b");
        assertThat(keysHolding("vid-a")).isEmpty();
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return discovery.dynamo.getItem(r -> r.tableName(discovery.name).key(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS(sk)))).item();
    }

    /** Every item with the id in its key (a test-only scan). */
    private List<String> keysHolding(String videoId) {
        return discovery.dynamo.scan(r -> r.tableName(discovery.name)).items().stream()
                .map(i -> i.get("pk").s() + " / " + i.get("sk").s())
                .filter(k -> k.contains(videoId)).toList();
    }

    private static VideoFacts facts(String id, int second, String... tags) {
        return new VideoFacts(id, "chan", T0.plusSeconds(second), String.join(" ", tags), "", List.of(tags));
    }
}
