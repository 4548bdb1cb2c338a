package dev.clipflow.local.runtime.eventbridge;

import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.template.QueueDef;
import dev.clipflow.local.runtime.template.RuleDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The template's {@code AWS::Events::Rule}s with SQS targets ({@link TemplateModel#rules()}): every event put on a
 * rule's bus that its pattern matches is sent, whole, as one message to each target queue, as EventBridge delivers
 * it. A queue the emulator refuses is reported on {@code log} (EventBridge would retry and then use the target's
 * dead-letter queue); the put itself succeeds, as on AWS.
 */
public final class BusRules {

    private BusRules() {
    }

    /** Subscribes every rule to its bus (for as long as the bus runs). */
    public static void start(TemplateModel template, LocalEventBus bus, Map<String, String> queueUrls, SqsClient sqs,
                      PrintStream log) {
        for (RuleDef rule : template.rules()) {
            bus.subscribe(rule.busName(), event -> {
                if (!EventPatterns.matches(rule.pattern(), event)) {
                    return;
                }
                String body = Json.write(event);
                for (String arn : rule.queueArns()) {
                    String url = template.queues().stream().filter(q -> q.arn().equals(arn)).findFirst()
                            .map(QueueDef::logicalId).map(queueUrls::get).orElse(null);
                    try {
                        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
                    } catch (RuntimeException e) {
                        log.println("rule " + rule.logicalId() + ": could not deliver event "
                                + event.path("id").asText() + " to " + arn + ": " + e);
                    }
                }
            });
        }
    }
}
