package dev.clipflow.feedfanout;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.clipflow.aws.sqs.FanoutMessageMalformedException;
import dev.clipflow.aws.sqs.FanoutMessages;
import dev.clipflow.lambda.SqsBatch;
import dev.clipflow.social.FanoutBatch;
import dev.clipflow.social.SubscriberFanout;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code feedFanout} function: delivers queued fan-out batches (SQS event source mapping with
 * {@code ReportBatchItemFailures}). Every message is processed on its own; a message that fails
 * (throttled past the backoff, malformed) is reported in {@code batchItemFailures} so SQS
 * redelivers only it, and after the queue's maxReceiveCount moves it to the dead-letter queue.
 * Redelivery is harmless: feed entries are keyed by (viewer, video).
 */
public final class FeedFanout implements Function<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(FeedFanout.class);

    private final SubscriberFanout fanout;

    public FeedFanout(SubscriberFanout fanout) {
        this.fanout = Objects.requireNonNull(fanout, "fanout");
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.each(event, FanoutMessageMalformedException.class, LOG, message -> {
            FanoutBatch batch = FanoutMessages.read(message.getBody());
            MDC.put("videoId", batch.videoId());
            int written = fanout.deliver(batch);
            LOG.info("Delivered message {}: {} feed entries", message.getMessageId(), written);
        });
    }
}
