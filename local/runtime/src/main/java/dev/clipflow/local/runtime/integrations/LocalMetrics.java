package dev.clipflow.local.runtime.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.MetricsIntegration;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's {@code aws-sdk:cloudwatch:putMetricData} for the local runtime: there is no local CloudWatch, so the
 * data points are checked as CloudWatch checks them (a namespace, not one of AWS's own; 1 to 1,000 data points, each
 * with a name and a value) and kept in memory ({@link #recorded()}); the result is PutMetricData's empty one. A
 * request CloudWatch would refuse fails the task with {@code CloudWatch.InvalidParameterValueException}. The state
 * machine's role is checked before (cloudwatch:PutMetricData with {@code cloudwatch:namespace}, in
 * {@code StateMachineAuthorizer}).
 */
public final class LocalMetrics implements MetricsIntegration {

    /** One data point as recorded: its namespace, name, value and dimensions as given. */
    public record Datum(String namespace, String name, double value, JsonNode dimensions) {
    }

    private final List<Datum> recorded = new CopyOnWriteArrayList<>();

    @Override
    public JsonNode putMetricData(JsonNode parameters) {
        String namespace = parameters.path("Namespace").asText("");
        if (namespace.isBlank() || namespace.startsWith("AWS/")) {
            throw invalid("The value " + namespace + " for parameter Namespace is not valid.");
        }
        JsonNode data = parameters.path("MetricData");
        if (!data.isArray() || data.isEmpty() || data.size() > 1000) {
            throw invalid("The parameter MetricData must hold 1 to 1000 data points.");
        }
        for (JsonNode d : data) {
            if (d.path("MetricName").asText("").isBlank() || !(d.path("Value").isNumber() || d.has("Values"))) {
                throw invalid("Each data point needs a MetricName and a Value: " + Json.write(d));
            }
        }
        for (JsonNode d : data) {
            recorded.add(new Datum(namespace, d.path("MetricName").asText(), d.path("Value").asDouble(),
                    d.path("Dimensions")));
        }
        return Json.parse("{}");
    }

    /** Every data point recorded so far, oldest first. */
    public List<Datum> recorded() {
        return List.copyOf(recorded);
    }

    private static TaskFailedException invalid(String message) {
        return new TaskFailedException("CloudWatch.InvalidParameterValueException", message
                + " (Service: CloudWatch, Status Code: 400)");
    }
}
