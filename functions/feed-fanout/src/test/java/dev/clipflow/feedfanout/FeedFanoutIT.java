package dev.clipflow.feedfanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.aws.sqs.FanoutMessages;
import dev.clipflow.batch.Backoff;
import dev.clipflow.batch.BatchWriteIncompleteException;
import dev.clipflow.batch.BatchWriter;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.social.FanoutBatch;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.FeedStore;
import dev.clipflow.social.SubscriberFanout;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The fan-out consumer: the handler's wiring, partial batch responses, and redrive to a DLQ on ElasticMQ. */
class FeedFanoutIT {
    private static AwsClients aws;
    private static DynamoFeedStore feeds;
    private static DynamoSubscriptionStore subscriptions;

    @BeforeAll
    static void wire() {
        Emulators emulators = Emulators.shared();
        aws = new AwsClients(emulators.lookup());
        String subscriptionsTable = Emulators.uniqueName("subscriptions");
        String feedsTable = Emulators.uniqueName("feeds");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.SUBSCRIPTIONS, subscriptionsTable);
        TemplateTables.create(aws.dynamoDb(), TemplateTables.FEEDS, feedsTable);
        feeds = new DynamoFeedStore(aws.dynamoDb(), feedsTable);
        subscriptions = new DynamoSubscriptionStore(aws.dynamoDb(), subscriptionsTable);
        emulators.exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", FeedFanoutApplication.class.getName());
        System.setProperty("SUBSCRIPTIONS_TABLE", subscriptionsTable);
        System.setProperty("FEEDS_TABLE", feedsTable);
    }

    @Test
    void invoke_sampleEvent_deliversTheBatchAndReportsOnlyTheMalformedMessage() throws Exception {
        byte[] event = Events.text("feed-fanout.json").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new RequestIdFunctionInvoker("feedFanout").handleRequest(new ByteArrayInputStream(event), out, (Context) null);

        Map<String, Object> response = Events.read(null, out.toString(StandardCharsets.UTF_8));
        assertThat(response.get("batchItemFailures").toString())
                .contains("22222222-2222-2222-2222-222222222222")
                .doesNotContain("11111111-1111-1111-1111-111111111111");
        for (String viewer : List.of("viewer-1", "viewer-2", "viewer-3")) {
            assertThat(feeds.viewerFeed(viewer, null, 5).items()).extracting(FeedItem::videoId).contains("vid-example");
        }
    }

    @Test
    void pollLikeLambda_messageFailingOnceIsRedelivered_malformedOneEndsInTheDlq() {
        SqsClient sqs = aws.sqs();
        String dlqUrl = sqs.createQueue(r -> r.queueName(Emulators.uniqueName("fanout-dlq"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(r -> r.queueName(Emulators.uniqueName("fanout")).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}")))
                .queueUrl();
        FanoutBatch good = new FanoutBatch(1, "vid-retry", "chan-r", Instant.parse("2026-11-26T10:00:00Z"),
                List.of("viewer-r1", "viewer-r2"));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(FanoutMessages.write(good)));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"schemaVersion\": 1}"));
        AtomicInteger failuresLeft = new AtomicInteger(1);
        FeedStore failingOnce = new FailingOnceFeedStore(feeds, failuresLeft);
        FeedFanout function = new FeedFanout(new SubscriberFanout(subscriptions, failingOnce,
                b -> { }, FanoutPolicy.DEFAULT,
                new BatchWriter<FeedEntry>(failingOnce::putBatch, 25, Backoff.DEFAULT.withMaxAttempts(1), d -> { },
                        () -> 0.5)));

        List<Integer> failuresPerPoll = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && dlqDepth(sqs, dlqUrl) == 0) {
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (received.isEmpty()) {
                continue;
            }
            SQSBatchResponse response = function.apply(event(received));
            List<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
            failuresPerPoll.add(failed.size());
            received.stream().filter(m -> !failed.contains(m.messageId()))
                    .forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }

        assertThat(dlqDepth(sqs, dlqUrl)).isEqualTo(1);
        assertThat(sqs.receiveMessage(r -> r.queueUrl(dlqUrl)).messages().getFirst().body()).contains("schemaVersion");
        assertThat(failuresPerPoll.getFirst()).isEqualTo(2);
        assertThat(feeds.viewerFeed("viewer-r1", null, 5).items()).extracting(FeedItem::videoId)
                .containsExactly("vid-retry");
        assertThat(feeds.viewerFeed("viewer-r2", null, 5).items()).hasSize(1);
    }

    private static int dlqDepth(SqsClient sqs, String dlqUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static SQSEvent event(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            return record;
        }).toList());
        return event;
    }

    /** A decorator of our FeedStore port whose first putBatch calls fail as a throttled write would. */
    private record FailingOnceFeedStore(FeedStore delegate, AtomicInteger failuresLeft) implements FeedStore {
        @Override
        public List<FeedEntry> putBatch(List<FeedEntry> entries) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new BatchWriteIncompleteException("injected", entries.size());
            }
            return delegate.putBatch(entries);
        }

        @Override
        public void putTimeline(FeedItem item) {
            delegate.putTimeline(item);
        }

        @Override
        public int removeVideo(String videoId) {
            return delegate.removeVideo(videoId);
        }

        @Override
        public dev.clipflow.social.FeedSlice viewerFeed(String viewerId, dev.clipflow.social.FeedPosition before,
                                                         int limit) {
            return delegate.viewerFeed(viewerId, before, limit);
        }

        @Override
        public dev.clipflow.social.FeedSlice channelTimeline(String channelId,
                                                              dev.clipflow.social.FeedPosition before, int limit) {
            return delegate.channelTimeline(channelId, before, limit);
        }
    }
}
