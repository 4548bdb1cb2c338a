package dev.clipflow.feedfanout;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.clipflow.aws.sqs.FanoutMessageMalformedException;
import dev.clipflow.aws.sqs.FanoutMessages;
import dev.clipflow.social.FanoutBatch;
import dev.clipflow.social.SubscriberFanout;
import java.util.ArrayList;
import java.util.List;
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
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            try {
                FanoutBatch batch = FanoutMessages.read(message.getBody());
                MDC.put("videoId", batch.videoId());
                int written = fanout.deliver(batch);
                LOG.info("Delivered message {}: {} feed entries", message.getMessageId(), written);
            } catch (FanoutMessageMalformedException e) {
                LOG.error("Message {} is malformed ({}); left for the dead-letter queue", message.getMessageId(),
                        e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } catch (RuntimeException e) {
                LOG.warn("Message {} failed ({}); SQS will redeliver it", message.getMessageId(),
                        e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } finally {
                MDC.remove("videoId");
            }
        }
        return new SQSBatchResponse(failures);
    }
}
