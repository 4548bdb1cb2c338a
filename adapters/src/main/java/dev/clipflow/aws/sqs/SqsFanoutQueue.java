package dev.clipflow.aws.sqs;

import dev.clipflow.pipeline.TransientStageException;
import dev.clipflow.social.FanoutBatch;
import dev.clipflow.social.FanoutQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@link FanoutQueue} on SQS: {@code SendMessageBatch} of up to 10 messages; entries SQS reports
 * as failed are sent again (up to 3 rounds), then a {@link TransientStageException}. A message
 * sent twice is harmless: its feed entries are keyed.
 */
public final class SqsFanoutQueue implements FanoutQueue {
    static final int MAX_BATCH = 10;
    private static final int ROUNDS = 3;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsFanoutQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public void send(List<FanoutBatch> batches) {
        for (int from = 0; from < batches.size(); from += MAX_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<FanoutBatch> chunk = batches.subList(from, Math.min(batches.size(), from + MAX_BATCH));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(FanoutMessages.write(chunk.get(i))).build());
            }
            sendAll(entries);
        }
    }

    private void sendAll(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
            List<SendMessageBatchRequestEntry> current = pending;
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(current));
            } catch (SdkException e) {
                throw new TransientStageException("SQS SendMessageBatch failed: " + e.getClass().getSimpleName(), e);
            }
            List<String> failed = response.failed().stream().map(f -> f.id()).toList();
            pending = current.stream().filter(e -> failed.contains(e.id())).toList();
        }
        if (!pending.isEmpty()) {
            throw new TransientStageException(pending.size() + " fan-out messages were not accepted by SQS");
        }
    }
}
