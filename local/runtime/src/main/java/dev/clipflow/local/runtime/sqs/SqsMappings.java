package dev.clipflow.local.runtime.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.local.runtime.template.EventSourceDef;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.QueueDef;
import dev.clipflow.local.runtime.template.TemplateInvalidException;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The template's {@code Type: SQS} events as running {@link SqsEventSource}s (queue, BatchSize, response types). */
public final class SqsMappings {

    private SqsMappings() {
    }

    /**
     * @param queueUrls the provisioned queues' URLs by logical id
     * @throws TemplateInvalidException when an event names a queue the template does not define
     */
    public static List<SqsEventSource> start(TemplateModel template, Map<String, String> queueUrls, SqsClient sqs,
                                      BiFunction<String, JsonNode, FunctionResult> invoke) {
        List<SqsEventSource> sources = new ArrayList<>();
        for (FunctionDef f : template.functions()) {
            for (EventSourceDef e : f.events("SQS")) {
                if (Boolean.FALSE.toString().equals(String.valueOf(e.properties().get("Enabled")))) {
                    continue;
                }
                String arn = String.valueOf(e.properties().get("Queue"));
                QueueDef queue = template.queues().stream().filter(q -> q.arn().equals(arn)).findFirst()
                        .orElseThrow(() -> new TemplateInvalidException("The SQS event " + e.name() + " of "
                                + f.name() + " names " + arn + ", not a queue of the template"));
                Object types = e.properties().get("FunctionResponseTypes");
                boolean partial = types instanceof List<?> l && l.contains("ReportBatchItemFailures");
                int batch = e.properties().get("BatchSize") == null ? 10
                        : Integer.parseInt(String.valueOf(e.properties().get("BatchSize")));
                sources.add(SqsEventSource.start(new SqsEventSource.Mapping(f.name(), arn,
                        queueUrls.get(queue.logicalId()), batch, partial), sqs, ev -> invoke.apply(f.name(), ev)));
            }
        }
        return sources;
    }
}
