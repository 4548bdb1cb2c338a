package dev.clipflow.relatedreindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The re-index consumer through RequestIdFunctionInvoker (the handler Lambda runs), the sample event, Dynoxide. */
class RelatedReindexIT {
    private static DynamoTermIndex index;
    private static DynamoRelatedStore related;

    @BeforeAll
    static void wire() {
        Emulators emulators = Emulators.shared();
        AwsClients aws = new AwsClients(emulators.lookup());
        String table = Emulators.uniqueName("discovery");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.DISCOVERY, table);
        index = new DynamoTermIndex(aws.dynamoDb(), table);
        related = new DynamoRelatedStore(aws.dynamoDb(), table);
        emulators.exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", RelatedReindexApplication.class.getName());
        System.setProperty("DISCOVERY_TABLE", table);
    }

    @Test
    void invoke_sampleEvent_reindexesThePublishedEdit_skipsTheOthersAndReportsOnlyTheMalformedMessage()
            throws Exception {
        RelatedIndexer indexer = new RelatedIndexer(index, related, RelatedPolicy.DEFAULT);
        Instant t0 = Instant.parse("2026-12-07T12:00:00Z");
        indexer.publish(new VideoFacts("vid-cats", "chan-cats", t0, "Funny cats", "", List.of("cats")));
        indexer.publish(new VideoFacts("vid-example", "chan-example", t0.plusSeconds(1), "Pasta carbonara", "",
                List.of("cooking")));
        assertThat(related.find("vid-example").orElseThrow().items()).isEmpty();

        Map<String, Object> first = invoke();
        Map<String, Object> again = invoke();

        assertThat(first.get("batchItemFailures").toString())
                .contains("33333333-3333-3333-3333-333333333333")
                .doesNotContain("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222",
                        "44444444-4444-4444-4444-444444444444");
        assertThat(again.get("batchItemFailures").toString()).isEqualTo(first.get("batchItemFailures").toString());
        assertThat(related.find("vid-example").orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactly("vid-cats");
        assertThat(index.indexed("vid-example").orElseThrow().revision()).isEqualTo(1);
        assertThat(index.indexed("vid-example").orElseThrow().version()).isEqualTo(1);
        assertThat(index.documentFrequencies(List.of("tag:cooking", "tag:cats")))
                .containsEntry("tag:cooking", 0L).containsEntry("tag:cats", 2L);
        assertThat(index.indexed("vid-processing")).isEmpty();
        assertThat(index.indexed("vid-private")).as("a private video's edit indexes nothing").isEmpty();
    }

    private static Map<String, Object> invoke() throws Exception {
        byte[] event = Events.text("related-reindex.json").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestIdFunctionInvoker("relatedReindex")
                .handleRequest(new ByteArrayInputStream(event), out, (Context) null);
        return Events.read(null, out.toString(StandardCharsets.UTF_8));
    }
}
