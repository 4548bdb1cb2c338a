package dev.clipflow.bench.social;

import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.aws.sqs.FanoutMessages;
import dev.clipflow.aws.sqs.SqsFanoutQueue;
import dev.clipflow.batch.BatchWriter;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FanoutResult;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.SubscriberFanout;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.FeedStore;
import dev.clipflow.social.PublishedVideo;
import dev.clipflow.testing.template.TemplateTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Fan-out of {@code n} subscribers through {@link SubscriberFanout} (inline and queued+delivered) vs a
 * plain BatchWriteItem loop writing the same items to the same table, alternated, same process.
 */
final class FanoutBench {
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final String subscriptionsTable = "bench-subscriptions";
    private final String feedsTable = "bench-feeds";
    private final String queueUrl;
    private final DynamoFeedStore feeds;
    private final DynamoSubscriptionStore subscriptions;
    private final int n;
    private int videoSeq;

    FanoutBench(DynamoDbClient dynamo, SqsClient sqs, int n) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.n = n;
        TemplateTables.create(dynamo, TemplateTables.SUBSCRIPTIONS, subscriptionsTable);
        TemplateTables.create(dynamo, TemplateTables.FEEDS, feedsTable);
        queueUrl = sqs.createQueue(r -> r.queueName("bench-fanout")).queueUrl();
        feeds = new DynamoFeedStore(dynamo, feedsTable);
        subscriptions = new DynamoSubscriptionStore(dynamo, subscriptionsTable);
        subscribe("chan-bench", n);
    }

    /** Milliseconds of one inline fan-out (reads the subscribers, writes n entries). */
    long inline() {
        SubscriberFanout fanout = fanout(new FanoutPolicy(n + 1, n + 2L, 500));
        long t0 = System.nanoTime();
        FanoutResult result = fanout.fanOut(next());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        check(result.entriesWritten() == n, "inline wrote " + result.entriesWritten());
        return ms;
    }

    /** Milliseconds of one queued fan-out: enqueue n/500 batches, then receive and deliver them all. */
    long queued() {
        SubscriberFanout fanout = fanout(new FanoutPolicy(0, n + 2L, 500));
        long t0 = System.nanoTime();
        FanoutResult result = fanout.fanOut(next());
        int written = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message m : messages) {
                written += fanout.deliver(FanoutMessages.read(m.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        check(written == n, "queued wrote " + written + " of " + n + " (" + result.batchesQueued() + " batches)");
        return ms;
    }

    /** Milliseconds of a plain loop: the same n items, BatchWriteItem 25 per call, unprocessed items resent. */
    long baseline() {
        FeedItem item = next().item();
        long t0 = System.nanoTime();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(feeds.item(DynamoFeedStore.viewerFeed(viewer(i)), item)).build()).build());
            if (batch.size() == FeedStore.MAX_BATCH || i == n - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(feedsTable, batch);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    var response = dynamo.batchWriteItem(r -> r.requestItems(request));
                    pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                }
                batch = new ArrayList<>();
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private SubscriberFanout fanout(FanoutPolicy policy) {
        BatchWriter<FeedEntry> writer = BatchWriter.withDefaults(feeds::putBatch, FeedStore.MAX_BATCH,
                () -> ThreadLocalRandom.current().nextDouble());
        return new SubscriberFanout(subscriptions, feeds, new SqsFanoutQueue(sqs, queueUrl), policy, writer);
    }

    private PublishedVideo next() {
        videoSeq++;
        return new PublishedVideo("vid-bench-" + videoSeq, "chan-bench", Instant.parse("2026-11-26T12:00:00Z")
                .plusSeconds(videoSeq));
    }

    private void subscribe(String channelId, int count) {
        for (int from = 0; from < count; from += 99) {
            List<TransactWriteItem> writes = new ArrayList<>();
            int to = Math.min(count, from + 99);
            for (int i = from; i < to; i++) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("channelId", AttributeValue.fromS(channelId));
                item.put("member", AttributeValue.fromS("v#" + viewer(i)));
                item.put("viewerId", AttributeValue.fromS(viewer(i)));
                item.put("subscribedAt", AttributeValue.fromS("2026-01-01T00:00:00.000000000Z"));
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(subscriptionsTable).item(item)).build());
            }
            String added = Integer.toString(to - from);
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(subscriptionsTable)
                    .key(Map.of("channelId", AttributeValue.fromS(channelId),
                            "member", AttributeValue.fromS("#audience")))
                    .updateExpression("ADD subscribers :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(added)))).build());
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        }
    }

    private static String viewer(int i) {
        return String.format("viewer-%06d", i);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
