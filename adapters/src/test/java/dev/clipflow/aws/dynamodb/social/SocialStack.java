package dev.clipflow.aws.dynamodb.social;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.sqs.FanoutMessages;
import dev.clipflow.aws.sqs.SqsFanoutQueue;
import dev.clipflow.batch.Backoff;
import dev.clipflow.batch.BatchWriter;
import dev.clipflow.paging.SignedCursors;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedReader;
import dev.clipflow.social.FeedStore;
import dev.clipflow.social.SubscriberFanout;
import dev.clipflow.social.Subscription;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Fresh social tables and a fan-out queue on the shared emulators, with the real adapters. */
final class SocialStack {
    static final byte[] KEY = "social-it-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final String subscriptionsTable = Emulators.uniqueName("subscriptions");
    final String feedsTable = Emulators.uniqueName("feeds");
    final String queueUrl;
    final DynamoSubscriptionStore subscriptions;
    final DynamoFeedStore feeds;
    final SqsFanoutQueue queue;
    final List<Duration> sleeps = new ArrayList<>();

    SocialStack() {
        AwsClients aws = new AwsClients(Emulators.shared().lookup());
        dynamo = aws.dynamoDb();
        sqs = aws.sqs();
        TemplateTables.create(dynamo, TemplateTables.SUBSCRIPTIONS, subscriptionsTable);
        TemplateTables.create(dynamo, TemplateTables.FEEDS, feedsTable);
        queueUrl = sqs.createQueue(r -> r.queueName(Emulators.uniqueName("fanout"))).queueUrl();
        subscriptions = new DynamoSubscriptionStore(dynamo, subscriptionsTable);
        feeds = new DynamoFeedStore(dynamo, feedsTable);
        queue = new SqsFanoutQueue(sqs, queueUrl);
    }

    SubscriberFanout fanout(FanoutPolicy policy, FeedStore store) {
        BatchWriter<FeedEntry> writer = new BatchWriter<>(store::putBatch, FeedStore.MAX_BATCH,
                Backoff.DEFAULT.withMaxAttempts(8), sleeps::add, () -> ThreadLocalRandom.current().nextDouble());
        return new SubscriberFanout(subscriptions, store, queue, policy, writer);
    }

    FeedReader reader(FanoutPolicy policy) {
        return new FeedReader(subscriptions, feeds, policy,
                new SignedCursors(KEY, Clock.systemUTC(), Duration.ofMinutes(5)), java.util.Set::copyOf);
    }

    /** Subscribes {@code n} viewers named {@code prefix-00000..} through the store, one transaction each. */
    void subscribe(String channelId, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            subscriptions.subscribe(new Subscription(String.format("%s-%05d", prefix, i), channelId, Instant.EPOCH));
        }
    }

    /** Subscribes {@code n} viewers quickly: the same items and counter the store writes, 99 per transaction. */
    void bulkSubscribe(String channelId, String prefix, int n) {
        for (int from = 0; from < n; from += 99) {
            List<TransactWriteItem> writes = new ArrayList<>();
            int to = Math.min(n, from + 99);
            for (int i = from; i < to; i++) {
                String viewer = String.format("%s-%05d", prefix, i);
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("channelId", AttributeValue.fromS(channelId));
                item.put("member", AttributeValue.fromS("v#" + viewer));
                item.put("viewerId", AttributeValue.fromS(viewer));
                item.put("subscribedAt", AttributeValue.fromS("1970-01-01T00:00:00.000000000Z"));
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(subscriptionsTable).item(item)).build());
            }
            int added = to - from;
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(subscriptionsTable)
                    .key(Map.of("channelId", AttributeValue.fromS(channelId),
                            "member", AttributeValue.fromS("#audience")))
                    .updateExpression("ADD subscribers :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(added))))).build());
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        }
    }

    /** How many viewer feed entries hold {@code videoId} (a test-only scan). */
    int entriesOf(String videoId) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(r -> r.tableName(feedsTable).select(Select.COUNT)
                    .filterExpression("videoId = :v AND begins_with(feedId, :p)")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(videoId),
                            ":p", AttributeValue.fromS("v#")))
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Receives every queued message, hands each body to {@code handler}, deletes it; returns how many. */
    int drainQueue(Function<String, Integer> handler) {
        int handled = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return handled;
            }
            for (Message m : messages) {
                handler.apply(m.body());
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                handled++;
            }
        }
    }

    Function<String, Integer> deliverWith(SubscriberFanout fanout) {
        return body -> fanout.deliver(FanoutMessages.read(body));
    }
}
