package dev.clipflow.local.runtime.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.local.runtime.template.LocalAws;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A function's {@code Type: SQS} event source, as Lambda's event source mapping runs it: long-polls the queue,
 * invokes the function with an {@code SQSEvent}-shaped batch ({@code Records[]}), deletes what succeeded.
 * A function error (thrown exception, timeout) deletes nothing: the whole batch becomes visible again after the
 * queue's visibility timeout, and the queue's redrive policy moves a message that was received
 * {@code maxReceiveCount} times to its dead-letter queue. With {@code FunctionResponseTypes:
 * [ReportBatchItemFailures]} a response {@code {"batchItemFailures":[{"itemIdentifier": messageId}]}} keeps only
 * those messages; an identifier that is not in the batch fails the whole batch, as on AWS.
 *
 * <p>Differences from AWS: one poller (no scaling of concurrent batches), at most 10 messages per batch (one
 * ReceiveMessage), {@code MaximumBatchingWindowInSeconds} and filter criteria are ignored.
 */
public final class SqsEventSource implements AutoCloseable {

    /** The resolved mapping. */
    public record Mapping(String function, String queueArn, String queueUrl, int batchSize,
                          boolean reportBatchItemFailures) {
    }

    private final Mapping mapping;
    private final SqsClient sqs;
    private final Function<JsonNode, FunctionResult> invoke;
    private final Thread poller;
    private volatile boolean running = true;

    private SqsEventSource(Mapping mapping, SqsClient sqs, Function<JsonNode, FunctionResult> invoke) {
        this.mapping = mapping;
        this.sqs = sqs;
        this.invoke = invoke;
        this.poller = Thread.ofPlatform().daemon().name("sqs-" + mapping.function()).unstarted(this::poll);
    }

    /** Starts polling. {@code invoke} calls the function synchronously. */
    public static SqsEventSource start(Mapping mapping, SqsClient sqs, Function<JsonNode, FunctionResult> invoke) {
        SqsEventSource source = new SqsEventSource(mapping, sqs, invoke);
        source.poller.start();
        return source;
    }

    public Mapping mapping() {
        return mapping;
    }

    private void poll() {
        while (running) {
            try {
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(mapping.queueUrl())
                        .maxNumberOfMessages(Math.max(1, Math.min(10, mapping.batchSize()))).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!batch.isEmpty() && running) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("sqs event source " + mapping.function() + ": " + e.getClass().getSimpleName()
                            + ": " + e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    /** Invokes the function with one batch and deletes what succeeded; returns the ids deleted. */
    Set<String> deliver(List<Message> batch) {
        FunctionResult r = invoke.apply(event(batch));
        Set<String> done = new HashSet<>();
        if (r.failed()) {
            return done;
        }
        Set<String> failed = mapping.reportBatchItemFailures() ? failures(r, batch) : Set.of();
        if (failed == null) {
            return done;
        }
        List<DeleteMessageBatchRequestEntry> delete = new ArrayList<>();
        for (Message m : batch) {
            if (!failed.contains(m.messageId())) {
                delete.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(delete.size()))
                        .receiptHandle(m.receiptHandle()).build());
                done.add(m.messageId());
            }
        }
        if (!delete.isEmpty()) {
            sqs.deleteMessageBatch(d -> d.queueUrl(mapping.queueUrl()).entries(delete));
        }
        return done;
    }

    /** The ids to keep, or {@code null} when the response fails the whole batch (an unknown identifier). */
    private static Set<String> failures(FunctionResult r, List<Message> batch) {
        String text = r.payloadText().strip();
        if (text.isEmpty() || "null".equals(text)) {
            return Set.of();
        }
        JsonNode response;
        try {
            response = Json.parse(text);
        } catch (RuntimeException e) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode f : response.path("batchItemFailures")) {
            String id = f.path("itemIdentifier").asText("");
            if (!ids.contains(id)) {
                return null;
            }
            failed.add(id);
        }
        return failed;
    }

    /** The {@code SQSEvent} Lambda sends for a batch. */
    public ObjectNode event(List<Message> batch) {
        ObjectNode event = Json.object();
        var records = event.putArray("Records");
        for (Message m : batch) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attrs = r.putObject("attributes");
            m.attributesAsStrings().forEach(attrs::put);
            ObjectNode ma = r.putObject("messageAttributes");
            m.messageAttributes().forEach((name, v) -> ma.set(name, attribute(v)));
            r.put("md5OfBody", m.md5OfBody());
            if (m.md5OfMessageAttributes() != null) {
                r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
            }
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", mapping.queueArn());
            r.put("awsRegion", LocalAws.REGION);
        }
        return event;
    }

    private static ObjectNode attribute(MessageAttributeValue v) {
        ObjectNode a = Json.object();
        if (v.stringValue() != null) {
            a.put("stringValue", v.stringValue());
        }
        if (v.binaryValue() != null) {
            a.put("binaryValue", java.util.Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
        }
        a.putArray("stringListValues");
        a.putArray("binaryListValues");
        a.put("dataType", v.dataType());
        return a;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops polling: lets the current long poll (1 s) and delivery end rather than interrupting a request half
     * way (an abandoned SQS connection kept ElasticMQ's shutdown waiting), then interrupts if it still runs.
     */
    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (poller.isAlive()) {
            poller.interrupt();
        }
    }
}
