package dev.clipflow.local.runtime.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.QueueDef;
import dev.clipflow.local.runtime.template.TemplateInvalidException;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Lambda's asynchronous invocation, as the object-created events reach their functions: the event is queued
 * and the function invoked on another thread; a function error (or timeout) is retried
 * {@code MaximumRetryAttempts} times (Lambda's default 2), the first retry after 1 minute and the second 2
 * minutes after that (divided by the stack's clock speed), as long as the event is younger than
 * {@code MaximumEventAgeInSeconds}; then the event goes to the function's {@code DeadLetterQueue} with the
 * attributes Lambda sets ({@code RequestID}, {@code ErrorCode}, {@code ErrorMessage}), or, without one, is
 * discarded with a line in the log. Nothing is lost without a word.
 */
public final class AsyncInvoker implements AutoCloseable {

    /** One event for one function. */
    public record Delivery(FunctionDef function, JsonNode event) {
    }

    /** Lambda waits up to a minute before the first retry and up to two minutes before the second. */
    static final Duration[] RETRY_DELAYS = {Duration.ofMinutes(1), Duration.ofMinutes(2)};
    private static final int MAX_ERROR_MESSAGE = 1024;

    private final BiFunction<String, JsonNode, FunctionResult> invoke;
    private final SqsClient sqs;
    private final Map<String, String> queueUrlsByArn;
    private final double clockSpeed;
    private final PrintStream log;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "async-invoke");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param queueUrls the provisioned queues' URLs by logical id
     * @throws TemplateInvalidException when a function's dead-letter queue is not a queue of the template
     */
    public AsyncInvoker(TemplateModel template, Map<String, String> queueUrls, SqsClient sqs,
                 BiFunction<String, JsonNode, FunctionResult> invoke, double clockSpeed, PrintStream log) {
        this.invoke = invoke;
        this.sqs = sqs;
        this.clockSpeed = clockSpeed;
        this.log = log;
        Map<String, String> byArn = new java.util.HashMap<>();
        for (QueueDef q : template.queues()) {
            byArn.put(q.arn(), queueUrls.get(q.logicalId()));
        }
        for (FunctionDef f : template.functions()) {
            String dlq = f.async().deadLetterTargetArn();
            if (dlq != null && !byArn.containsKey(dlq)) {
                throw new TemplateInvalidException("The DeadLetterQueue " + dlq + " of " + f.logicalId()
                        + " is not a queue of the template");
            }
        }
        this.queueUrlsByArn = Map.copyOf(byArn);
    }

    /**
     * Builds the events on another thread and queues each for its function (InvocationType Event); returns at
     * once.
     *
     * @param what the event's description for the log
     */
    public void submit(Supplier<List<Delivery>> deliveries, String what) {
        Instant received = Instant.now();
        scheduler.execute(() -> {
            List<Delivery> list;
            try {
                list = deliveries.get();
            } catch (RuntimeException | Error e) {
                // e.g. the object was deleted at once and cannot be read back; S3 would still have sent the event
                log.println("event: cannot build the event of " + what + ": " + e);
                return;
            }
            for (Delivery d : list) {
                scheduler.execute(() -> attempt(d.function(), d.event(), what, received, 0));
            }
        });
    }

    private void attempt(FunctionDef function, JsonNode event, String what, Instant received, int attempt) {
        FunctionResult r;
        try {
            r = invoke.apply(function.name(), event);
        } catch (RuntimeException | Error e) {
            // the host itself failed (not the function): said so, and handled like a function error
            log.println("event: " + what + " -> " + function.name() + ": cannot invoke: " + e);
            r = null;
        }
        int attempts = attempt + 1;
        if (r != null && !r.failed()) {
            log.println("event: " + what + " -> " + function.name() + " request " + r.requestId() + " ok"
                    + (attempt > 0 ? " (attempt " + attempts + ")" : ""));
            return;
        }
        JsonNode body = r == null ? Json.object() : errorBody(r);
        String error = r == null ? "ServiceException" : body.path("errorType").asText("Unhandled");
        String message = r == null ? "the local function host failed" : body.path("errorMessage").asText("");
        var config = function.async();
        if (attempt < config.maximumRetryAttempts()) {
            Duration delay = scaled(RETRY_DELAYS[attempt]);
            Instant next = Instant.now().plus(delay);
            if (Duration.between(received, next).compareTo(
                    scaled(Duration.ofSeconds(config.maximumEventAgeSeconds()))) <= 0) {
                log.println("event: " + what + " -> " + function.name() + " FAILED (attempt " + attempts + " of "
                        + (config.maximumRetryAttempts() + 1) + "): " + error + "; retry in "
                        + delay.toMillis() + " ms");
                scheduler.schedule(() -> attempt(function, event, what, received, attempts), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
        }
        deadLetter(function, event, what, r == null ? null : r.requestId(), error, message, attempts);
    }

    private void deadLetter(FunctionDef function, JsonNode event, String what, String requestId, String error,
                            String message, int attempts) {
        String arn = function.async().deadLetterTargetArn();
        if (arn == null) {
            log.println("event: " + what + " -> " + function.name() + " FAILED " + attempts
                    + " time(s): " + error + "; no DeadLetterQueue, the event is discarded (as on Lambda)");
            return;
        }
        String text = message.length() > MAX_ERROR_MESSAGE ? message.substring(0, MAX_ERROR_MESSAGE) : message;
        Map<String, MessageAttributeValue> attributes = new java.util.LinkedHashMap<>();
        attributes.put("RequestID", MessageAttributeValue.builder().dataType("String")
                .stringValue(Optional.ofNullable(requestId).orElse("none")).build());
        // The invoke's HTTP status: 200 for a function error (the invoke itself succeeded), as Lambda reports it.
        attributes.put("ErrorCode", MessageAttributeValue.builder().dataType("Number").stringValue("200").build());
        attributes.put("ErrorMessage", MessageAttributeValue.builder().dataType("String")
                .stringValue(text.isEmpty() ? error : text).build());
        try {
            sqs.sendMessage(m -> m.queueUrl(queueUrlsByArn.get(arn)).messageBody(Json.write(event))
                    .messageAttributes(attributes));
            log.println("event: " + what + " -> " + function.name() + " FAILED " + attempts + " time(s): " + error
                    + "; sent to its DeadLetterQueue " + arn.substring(arn.lastIndexOf(':') + 1));
        } catch (RuntimeException e) {
            log.println("event: " + what + " -> " + function.name() + " FAILED " + attempts + " time(s): " + error
                    + "; the DeadLetterQueue refused it too (" + e.getMessage() + "): the event is lost");
        }
    }

    private static JsonNode errorBody(FunctionResult r) {
        try {
            return Json.parse(r.payloadText());
        } catch (RuntimeException e) {
            return Json.object().put("errorMessage", r.payloadText());
        }
    }

    private Duration scaled(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() / clockSpeed));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
