package dev.clipflow.aws.dynamodb.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.discovery.IndexedTerms;
import dev.clipflow.discovery.IndexedTermsUnknownException;
import dev.clipflow.discovery.Posting;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.RelatedUpdate;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.discovery.VideoTextEdited;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Index markers written before markers recorded their terms (only a count; docs/adr/0014), against Dynoxide: an
 * edit's re-index and a deletion's un-index find the terms from the video's postings and work as for a new marker.
 * The old entries are written here as the indexer wrote them then (commit 76ce0b0's {@code DynamoTermIndex.add}).
 */
class LegacyMarkerIT {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private final DynamoDbClient dynamo = new AwsClients(Emulators.shared().lookup()).dynamoDb();
    private final String table = Emulators.uniqueName("discovery");
    private final DynamoTermIndex index;
    private final RelatedIndexer indexer;

    LegacyMarkerIT() {
        TemplateTables.create(dynamo, TemplateTables.DISCOVERY, table);
        index = new DynamoTermIndex(dynamo, table);
        indexer = new RelatedIndexer(index, new DynamoRelatedStore(dynamo, table), RelatedPolicy.DEFAULT);
    }

    @Test
    void reindex_ofAnOldMarker_movesItsPostingsAndRecordsItsTerms_thenUnindexRemovesEveryPosting() {
        indexer.publish(new VideoFacts("vid-cats", "chan", T0.plusSeconds(5), "Funny cats", "", List.of("cats")));
        addTheOldWay("vid-old", T0, Map.of("w:pasta", 2.0, "w:carbonara", 2.0, "tag:cooking", 3.0), 4.2);
        assertThat(markerAttributes("vid-old")).containsOnlyKeys("pk", "sk", "channelId", "terms");

        IndexedTerms derived = index.indexed("vid-old").orElseThrow();
        RelatedUpdate update = indexer.reindex(new VideoTextEdited("vid-old", 1, "Pasta with funny cats", "",
                List.of("cats")));

        assertThat(derived.termsKnown()).isTrue();
        assertThat(derived.video().weights()).containsExactlyInAnyOrderEntriesOf(Map.of("w:pasta", 2.0,
                "w:carbonara", 2.0, "tag:cooking", 3.0));
        assertThat(derived.video().norm()).isEqualTo(4.2);
        assertThat(derived.video().publishedAt()).isEqualTo(T0);
        assertThat(update.alreadyProcessed()).isFalse();
        IndexedTerms marker = index.indexed("vid-old").orElseThrow();
        assertThat(marker.video().weights()).containsOnlyKeys("w:pasta", "w:funny", "w:cats", "tag:cats");
        assertThat(marker.revision()).isEqualTo(1);
        assertThat(marker.version()).isEqualTo(1);
        assertThat(marker.video().publishedAt()).as("kept from the postings").isEqualTo(T0);
        assertThat(markerAttributes("vid-old")).containsKeys("weights", "publishedAt", "norm", "revision", "version");
        assertThat(postingsOf("vid-old")).containsExactlyInAnyOrder("t#w:pasta", "t#w:funny", "t#w:cats",
                "t#tag:cats");
        assertThat(index.documentFrequencies(List.of("w:carbonara", "tag:cooking", "w:pasta", "tag:cats")))
                .containsEntry("w:carbonara", 0L).containsEntry("tag:cooking", 0L).containsEntry("w:pasta", 1L)
                .containsEntry("tag:cats", 2L);
        List<Posting> cats = index.postings("tag:cats", 10);
        assertThat(cats).extracting(Posting::videoId).containsExactly("vid-cats", "vid-old");

        assertThat(index.remove("vid-old")).isTrue();

        assertThat(postingsOf("vid-old")).isEmpty();
        assertThat(index.indexed("vid-old")).isEmpty();
        assertThat(index.documentCount()).isEqualTo(1);
        assertThat(index.documentFrequencies(List.of("w:pasta", "tag:cats", "w:funny")))
                .containsEntry("w:pasta", 0L).containsEntry("tag:cats", 1L).containsEntry("w:funny", 1L);
    }

    @Test
    void remove_ofAnOldMarker_takesBackEveryPostingAndCount_once() {
        indexer.publish(new VideoFacts("vid-new", "chan", T0.plusSeconds(5), "Pasta", "", List.of("cooking")));
        addTheOldWay("vid-old", T0, Map.of("w:pasta", 2.0, "tag:cooking", 3.0, "w:lasagna", 2.0), 3.9);

        assertThat(index.remove("vid-old")).isTrue();
        assertThat(index.remove("vid-old")).isFalse();

        assertThat(postingsOf("vid-old")).isEmpty();
        assertThat(index.documentCount()).isEqualTo(1);
        assertThat(index.documentFrequencies(List.of("w:pasta", "tag:cooking", "w:lasagna")))
                .containsEntry("w:pasta", 1L).containsEntry("tag:cooking", 1L).containsEntry("w:lasagna", 0L);
        assertThat(postingsOf("vid-new")).hasSize(2);
    }

    @Test
    void remove_ofAnOldMarkerWhosePostingsDoNotAddUp_isANamedErrorAndChangesNothing() {
        addTheOldWay("vid-old", T0, Map.of("w:pasta", 2.0, "tag:cooking", 3.0), 3.0);
        dynamo.deleteItem(r -> r.tableName(table).key(Items.key("pk", "t#w:pasta", "sk", "vid-old")));

        assertThat(index.indexed("vid-old").orElseThrow().termsKnown()).isFalse();
        assertThatThrownBy(() -> index.remove("vid-old")).isInstanceOf(IndexedTermsUnknownException.class)
                .hasMessageContaining("vid-old");

        assertThat(postingsOf("vid-old")).containsExactly("t#tag:cooking");
        assertThat(markerAttributes("vid-old")).containsEntry("terms", AttributeValue.fromN("2"));
        assertThat(index.documentCount()).isEqualTo(1);
    }

    /** The marker (channel and a count of terms only), a posting and a document frequency per term, the count. */
    private void addTheOldWay(String videoId, Instant publishedAt, Map<String, Double> weights, double norm) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> marker = Items.key("pk", "d#" + videoId, "sk", "#doc");
        marker.put("channelId", Items.s("chan"));
        marker.put("terms", Items.n(weights.size()));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)).build());
        String at = Items.formatTime(publishedAt) + "#" + videoId;
        weights.forEach((term, weight) -> {
            Map<String, AttributeValue> posting = Items.key("pk", "t#" + term, "sk", videoId);
            posting.put("at", Items.s(at));
            posting.put("w", Items.n(weight));
            posting.put("norm", Items.n(norm));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(posting)).build());
            writes.add(increment(Items.key("pk", "t#" + term, "sk", "#df")));
        });
        writes.add(increment(Items.key("pk", "#catalog", "sk", "#count")));
        dynamo.transactWriteItems(r -> r.transactItems(writes));
    }

    private TransactWriteItem increment(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key).updateExpression("ADD #n :d")
                .expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":d", Items.n(1L)))).build();
    }

    private Map<String, AttributeValue> markerAttributes(String videoId) {
        return dynamo.getItem(r -> r.tableName(table).key(Items.key("pk", "d#" + videoId, "sk", "#doc"))).item();
    }

    /** The partition keys of the video's postings (a test-only scan). */
    private List<String> postingsOf(String videoId) {
        return dynamo.scan(r -> r.tableName(table)).items().stream()
                .filter(i -> i.get("sk").s().equals(videoId) && i.get("pk").s().startsWith("t#"))
                .map(i -> i.get("pk").s()).toList();
    }
}
