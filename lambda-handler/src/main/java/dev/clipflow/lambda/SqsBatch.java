package dev.clipflow.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * An SQS-triggered function's batch, one message at a time, answered as a partial batch response ({@code
 * ReportBatchItemFailures}): a message whose handler throws is reported in {@code batchItemFailures}, so SQS redelivers
 * only it, and after the queue's maxReceiveCount moves it to the dead-letter queue. A malformed message (the function's
 * named exception) is logged as an error with its reason; any other failure as a warning with its class only (no
 * payload in the logs). The handler may put {@code videoId} in the MDC; it is removed after each message.
 */
public final class SqsBatch {
    private SqsBatch() {
    }

    public static SQSBatchResponse each(SQSEvent event, Class<? extends RuntimeException> malformed, Logger log,
                                        Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                if (malformed.isInstance(e)) {
                    log.error("Message {} is malformed ({}); left for the dead-letter queue", message.getMessageId(),
                            e.getMessage());
                } else {
                    log.warn("Message {} failed ({}); SQS will redeliver it", message.getMessageId(),
                            e.getClass().getSimpleName());
                }
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } finally {
                MDC.remove("videoId");
            }
        }
        return new SQSBatchResponse(failures);
    }
}
