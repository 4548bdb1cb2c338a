package dev.clipflow.relatedreindex;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedUpdate;
import dev.clipflow.discovery.VideoTextEdited;
import dev.clipflow.lambda.SqsBatch;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code relatedReindex} function: re-indexes edited PUBLISHED videos from their {@code Video Edited} events,
 * which a rule on the stack's bus puts on its queue (SQS event source mapping with {@code ReportBatchItemFailures}).
 * Each message is processed on its own ({@link RelatedIndexer#reindex}); one that fails (a video not indexed yet, a
 * conflict, a malformed message) is reported in {@code batchItemFailures}, so SQS redelivers only it and after the
 * queue's maxReceiveCount moves it to the dead-letter queue. Redelivery and reordering are harmless: the index keeps
 * the highest revision it applied.
 */
public final class RelatedReindex implements Function<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(RelatedReindex.class);

    private final RelatedIndexer indexer;

    public RelatedReindex(RelatedIndexer indexer) {
        this.indexer = Objects.requireNonNull(indexer, "indexer");
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.each(event, VideoEditedMessageMalformedException.class, LOG, message -> {
            Optional<VideoTextEdited> edit = VideoEditedMessages.read(message.getBody());
            if (edit.isEmpty()) {
                LOG.info("Message {} is an edit of a video not published and public: nothing is indexed",
                        message.getMessageId());
                return;
            }
            MDC.put("videoId", edit.get().videoId());
            RelatedUpdate update = indexer.reindex(edit.get());
            LOG.info("Re-indexed revision {}: {} terms, {} candidates, {} related{}", edit.get().revision(),
                    update.terms(), update.candidates(), update.related(),
                    update.alreadyProcessed() ? " (an older or repeated revision: nothing changed)" : "");
        });
    }
}
