package dev.clipflow.bench.social;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.RelatedUpdate;
import dev.clipflow.discovery.TermVectors;
import dev.clipflow.discovery.VideoFacts;
import dev.clipflow.testing.template.TemplateTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The related-videos update of one publish ({@link RelatedIndexer#publish}) on a catalog of
 * {@code size} indexed videos. The catalog is loaded straight into the index (the same posting,
 * document-frequency and count items {@link DynamoTermIndex} writes) with BatchWriteItem, so that a
 * 100k catalog loads in minutes; the measured publishes go through the real adapters.
 */
final class RecommendationBench {
    static final int TAGS = 400;
    static final int WORDS = 3000;
    private final DynamoDbClient dynamo;

    RecommendationBench(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Median milliseconds of {@code publishes} publishes on a fresh catalog of {@code size} videos. */
    long[] run(int size, int publishes) {
        String table = "bench-discovery-" + size;
        TemplateTables.create(dynamo, TemplateTables.DISCOVERY, table);
        Random random = new Random(size);
        long loadStart = System.nanoTime();
        load(table, size, random);
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        RelatedIndexer indexer = new RelatedIndexer(new DynamoTermIndex(dynamo, table),
                new DynamoRelatedStore(dynamo, table), RelatedPolicy.DEFAULT);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < publishes + 2; i++) {
            VideoFacts video = facts("vid-new-" + i, Instant.parse("2027-01-01T00:00:00Z").plusSeconds(i), random);
            long t0 = System.nanoTime();
            RelatedUpdate update = indexer.publish(video);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (update.related() == 0) {
                throw new IllegalStateException("no related videos found at size " + size);
            }
            if (i >= 2) {
                times.add(ms);
            }
        }
        times.sort(Long::compare);
        return new long[] {times.get(times.size() / 2), times.getFirst(), times.getLast(), loadMs};
    }

    private void load(String table, int size, Random random) {
        Map<String, Long> df = new HashMap<>();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            VideoFacts video = facts(String.format("vid-%06d", i), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                    random);
            Map<String, Double> weights = TermVectors.of(video.title(), video.description(), video.tags());
            double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w * 9).sum());
            String at = Items.time(video.publishedAt()) + "#" + video.videoId();
            for (var e : weights.entrySet()) {
                Map<String, AttributeValue> posting = Items.key("pk", "t#" + e.getKey(), "sk", video.videoId());
                posting.put("at", Items.s(at));
                posting.put("w", Items.n(e.getValue()));
                posting.put("norm", Items.n(norm));
                batch = add(table, batch, posting);
                df.merge(e.getKey(), 1L, Long::sum);
            }
            Map<String, AttributeValue> marker = Items.key("pk", "d#" + video.videoId(), "sk", "#doc");
            batch = add(table, batch, marker);
        }
        for (var e : df.entrySet()) {
            Map<String, AttributeValue> item = Items.key("pk", "t#" + e.getKey(), "sk", "#df");
            item.put("n", Items.n(e.getValue()));
            batch = add(table, batch, item);
        }
        Map<String, AttributeValue> count = Items.key("pk", "#catalog", "sk", "#count");
        count.put("n", Items.n((long) size));
        batch = add(table, batch, count);
        flush(table, batch);
    }

    private List<WriteRequest> add(String table, List<WriteRequest> batch, Map<String, AttributeValue> item) {
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        if (batch.size() == 25) {
            flush(table, batch);
            return new ArrayList<>();
        }
        return batch;
    }

    private void flush(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = batch.isEmpty() ? Map.of() : Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = dynamo.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    /** A video with 3 tags (Zipf-like over {@value #TAGS}) and a 4-word title over {@value #WORDS} words. */
    static VideoFacts facts(String id, Instant at, Random random) {
        List<String> tags = new ArrayList<>();
        while (tags.size() < 3) {
            String tag = "tag" + zipf(random, TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 4; w++) {
            title.append("word").append(zipf(random, WORDS)).append(' ');
        }
        return new VideoFacts(id, "chan-" + random.nextInt(500), at, title.toString().strip(), "", tags);
    }

    private static int zipf(Random random, int n) {
        return (int) Math.floor(Math.pow(n, random.nextDouble())) - 1;
    }
}
