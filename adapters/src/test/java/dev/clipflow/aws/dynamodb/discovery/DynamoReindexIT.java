package dev.clipflow.aws.dynamodb.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.discovery.IndexedTerms;
import dev.clipflow.discovery.Posting;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.RelatedUpdate;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.discovery.VideoTextEdited;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An edited video's incremental re-index ({@link DynamoTermIndex#apply}) against Dynoxide. */
class DynamoReindexIT {
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    private final DiscoveryTable discovery = new DiscoveryTable();
    private final DynamoTermIndex index = discovery.index;
    private final DynamoRelatedStore related = discovery.related;
    private final RelatedIndexer indexer = new RelatedIndexer(index, related, RelatedPolicy.DEFAULT);

    @Test
    void reindex_movesPostingsAndCounts_rewritesMarkerAndOwnList_onceOnly() {
        indexer.publish(new VideoFacts("vid-cats", "chan", T0, "Funny cats", "", List.of("cats")));
        indexer.publish(new VideoFacts("vid-pasta", "chan", T0.plusSeconds(1), "Pasta carbonara", "",
                List.of("cooking")));
        assertThat(related.find("vid-pasta").orElseThrow().items()).isEmpty();
        IndexedTerms published = index.indexed("vid-pasta").orElseThrow();
        assertThat(published.termsKnown()).isTrue();
        assertThat(published.revision()).isZero();
        assertThat(published.video().weights()).containsOnlyKeys("tag:cooking", "w:pasta", "w:carbonara");

        RelatedUpdate update = indexer.reindex(new VideoTextEdited("vid-pasta", 1, "Funny cats eating", "",
                List.of("cats")));
        RelatedUpdate repeated = indexer.reindex(new VideoTextEdited("vid-pasta", 1, "Funny cats eating", "",
                List.of("cats")));

        assertThat(update.alreadyProcessed()).isFalse();
        assertThat(repeated.alreadyProcessed()).isTrue();
        assertThat(index.documentFrequencies(List.of("tag:cooking", "w:pasta", "tag:cats", "w:funny", "w:eating")))
                .containsEntry("tag:cooking", 0L).containsEntry("w:pasta", 0L).containsEntry("tag:cats", 2L)
                .containsEntry("w:funny", 2L).containsEntry("w:eating", 1L);
        assertThat(index.postings("w:carbonara", 10)).isEmpty();
        assertThat(index.documentCount()).isEqualTo(2);
        IndexedTerms marker = index.indexed("vid-pasta").orElseThrow();
        assertThat(marker.revision()).isEqualTo(1);
        assertThat(marker.version()).isEqualTo(1);
        assertThat(marker.video().weights()).containsOnlyKeys("tag:cats", "w:funny", "w:cats", "w:eating");
        assertThat(marker.video().publishedAt()).isEqualTo(T0.plusSeconds(1));
        List<Posting> cats = index.postings("tag:cats", 10);
        assertThat(cats).extracting(Posting::videoId).containsExactly("vid-pasta", "vid-cats");
        assertThat(cats.getFirst().norm()).isEqualTo(marker.video().norm());
        assertThat(related.find("vid-pasta").orElseThrow()).satisfies(l -> {
            assertThat(l.items()).extracting(ScoredVideo::videoId).containsExactly("vid-cats");
            assertThat(l.version()).isEqualTo(2);
        });
    }

    @Test
    void reindex_everyTermReplaced_splitsIntoTwoTransactionsThatDynamoDbAccepts() {
        indexer.publish(new VideoFacts("vid-a", "chan", T0, "Old", words("old", 40), List.of()));
        indexer.publish(new VideoFacts("vid-b", "chan", T0.plusSeconds(1), "New", words("new", 40), List.of()));

        indexer.reindex(new VideoTextEdited("vid-a", 1, "New", words("new", 40), List.of()));

        IndexedTerms marker = index.indexed("vid-a").orElseThrow();
        assertThat(marker.revision()).isEqualTo(1);
        assertThat(marker.version()).isEqualTo(2);
        assertThat(index.documentFrequencies(List.of("w:old1", "w:old40", "w:new1")))
                .containsEntry("w:old1", 0L).containsEntry("w:old40", 0L).containsEntry("w:new1", 2L);
        assertThat(related.find("vid-a").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("vid-b");
    }

    @Test
    void indexed_aMarkerWrittenBeforeMarkersRecordedTerms_saysSo() {
        discovery.dynamo.putItem(r -> r.tableName(discovery.name).item(java.util.Map.of("pk", Items.s("d#vid-old"),
                "sk", Items.s("#doc"), "channelId", Items.s("chan"), "terms", Items.n(3L))));

        IndexedTerms old = index.indexed("vid-old").orElseThrow();

        assertThat(old.termsKnown()).isFalse();
        assertThat(index.indexed("vid-none")).isEmpty();
    }

    private static String words(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }
}
